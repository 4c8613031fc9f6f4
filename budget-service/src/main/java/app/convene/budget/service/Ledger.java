package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
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

    /** The budget's entries, oldest first, for those who may read the budget. */
    @Transactional
    public List<LedgerEntry> entries(UUID eventId) {
        guard.readBudget(eventId);
        budgets.get(eventId);
        return repository.ofBudget(eventId);
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
