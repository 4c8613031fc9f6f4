package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LedgerEntry;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineItem;
import app.convene.budget.persistence.LedgerRepository;

/** Writes the append-only ledger: one entry per monetary change, in the transaction of the change. */
@ApplicationScoped
public class Ledger {
    @Inject
    Budgets budgets;
    @Inject
    EventAccessGuard guard;
    @Inject
    LedgerRepository repository;

    /** At most this many entries in one page. */
    public static final int MAX_PAGE = 1000;

    /** A page of the ledger, and the entry id the next page starts after (null on the last page). */
    public record Page(List<LedgerEntry> entries, UUID next) {
    }

    /**
     * A page of the budget's entries, oldest first, after the entry {@code after} (the previous page's {@code next};
     * null: from the first), for those who may read the budget.
     */
    @Transactional
    public Page entries(UUID eventId, UUID after, int limit) {
        guard.readBudget(eventId);
        budgets.get(eventId);
        long afterId = after == null ? 0 : repository.entryOfBudget(eventId, after)
                .orElseThrow(() -> ProblemException.invalidField("after",
                        "must be the entry id of an entry of this budget's ledger (the previous page's next)")).id;
        Slice<LedgerEntry> page = Slice.of(repository.ofBudget(eventId, afterId, limit + 1), limit);
        return new Page(page.rows(), page.next(e -> e.entryId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(LedgerKind kind, EventBudget budget, LineItem line, BigDecimal amount, BigDecimal rate,
            BigDecimal budgetAmount, UUID invoiceId, String description, String actor, Instant at) {
        record(kind, budget, line, amount, rate, budgetAmount, invoiceId, null, description, actor, at);
    }

    /** As above, naming the vendor of an invoice where it differs from the line's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(LedgerKind kind, EventBudget budget, LineItem line, BigDecimal amount, BigDecimal rate,
            BigDecimal budgetAmount, UUID invoiceId, String vendor, String description, String actor, Instant at) {
        if (amount.signum() == 0 && budgetAmount.signum() == 0) {
            return;
        }
        repository.lockForWriting();
        LedgerEntry entry = new LedgerEntry();
        entry.entryId = UUID.randomUUID();
        entry.eventId = budget.eventId;
        entry.lineId = line.id;
        entry.kind = kind;
        entry.amount = amount;
        entry.currency = line.currency;
        entry.rate = rate;
        entry.budgetAmount = budgetAmount;
        entry.budgetCurrency = budget.currency;
        entry.glAccount = line.glAccount;
        entry.costCentre = line.costCentre != null ? line.costCentre : budget.costCentre;
        entry.poNumber = line.poNumber;
        entry.vendor = vendor != null ? vendor : line.vendor;
        entry.invoiceId = invoiceId;
        entry.description = description.length() > 500 ? description.substring(0, 500) : description;
        entry.occurredAt = at;
        entry.recordedBy = actor;
        entry.persist();
    }
}
