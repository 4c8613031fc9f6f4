package app.convene.budget.service;

import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineItem;
import app.convene.budget.domain.LineKind;
import app.convene.budget.persistence.LineItemRepository;

/**
 * Line items of a budget: estimates, and commitments (purchase orders) that lock the exchange rate. Every monetary
 * change writes a ledger entry; every change recomputes the forecast; all in one transaction under the budget's lock.
 * A changed or committed line is answered as committed (see {@link Budgets}). Each line has a strong tag of what it
 * is ({@link #tag}); a change, a commitment or a withdrawal that names the tag it was made from ({@code If-Match}) is
 * refused when the line changed meanwhile.
 */
@ApplicationScoped
public class LineItems {
    @Inject
    Clock clock;
    @Inject
    Budgets budgets;
    @Inject
    ExchangeRates rates;
    @Inject
    Forecasts forecasts;
    @Inject
    Ledger ledger;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    LineItemRepository repository;
    @Inject
    ObjectMapper json;

    /** A line's own fields as stored: amounts without trailing zeros, moments to the microsecond. */
    private record LineState(UUID id, UUID eventId, LineCategory category, String description, String vendor,
            LineKind kind, String currency, String unitAmount, String glAccount, String costCentre, String poNumber,
            String committedAmount, String lockedRate, Instant committedAt, String actualAmount, String externalRef,
            Instant withdrawnAt, String withdrawnBy, String withdrawalReason, Instant createdAt, Instant updatedAt) {
    }

    /** What a line's tag is taken from: what the line is, and what it comes to (which the headcount moves). */
    private record Tagged(LineState line, BudgetFigures.LineFigures figures) {
    }

    /**
     * The line's strong tag: changes with any change of the line, and of its figures (a per-attendee line's with the
     * headcount, a line in another currency without a purchase order with the current rate).
     */
    public String tag(LineView view) {
        LineItem line = view.line();
        return EntityTags.of(json, new Tagged(new LineState(line.id, line.eventId, line.category, line.description,
                line.vendor, line.kind, line.currency, stored(line.unitAmount), line.glAccount, line.costCentre,
                line.poNumber, stored(line.committedAmount), stored(line.lockedRate), stored(line.committedAt),
                stored(line.actualAmount), line.externalRef, stored(line.withdrawnAt), line.withdrawnBy,
                line.withdrawalReason, stored(line.createdAt), stored(line.updatedAt)), view.figures()));
    }

    /** Refuses a change of the line made from a read it no longer answers to (412). */
    private void requireCurrent(String ifMatch, EventBudget budget, LineItem line) {
        EntityTags.requireCurrent(ifMatch, () -> tag(new LineView(line, figures(budget, line))));
    }

    private static String stored(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static Instant stored(Instant moment) {
        return moment == null ? null : moment.truncatedTo(ChronoUnit.MICROS);
    }

    /** What a line is; a null currency means the budget's currency, a null cost centre the budget's. */
    public record LineDraft(LineCategory category, String description, String vendor, LineKind kind, String currency,
            BigDecimal unitAmount, String glAccount, String costCentre) {
    }

    public record Commitment(String poNumber, BigDecimal amount) {
    }

    /** The new line with its figures, and the budget (locked, as it is after the change) with its totals. */
    public record Added(EventBudget budget, LineItem line, BudgetFigures.LineFigures figures,
            BudgetFigures.Totals totals) {
    }

    /**
     * Adds a line, for the event's owner, co-organizers and delegates, or finance. The totals come from the
     * recompute the change needs anyway, so the answer costs no second pass over the budget.
     */
    @Transactional
    public Added add(UUID eventId, LineDraft draft) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        requireEditable(budget);
        Instant now = clock.instant();
        LineItem line = new LineItem();
        line.id = UUID.randomUUID();
        line.eventId = eventId;
        line.actualAmount = BigDecimal.ZERO;
        line.createdAt = now;
        apply(budget, line, draft);
        line.persist();
        budget.changed(now);
        BudgetFigures.LineFigures figures = recordEstimateChange(budget, line, BigDecimal.ZERO, BigDecimal.ZERO,
                "line added: " + line.description, actor, now);
        return new Added(budget, line, figures, forecasts.recompute(budget));
    }

    /** The lines copied from another event's budget, and the budget (locked, as it is after them) with its totals. */
    public record Copied(EventBudget budget, UUID copiedFrom, List<LineItem> lines, BudgetFigures.Totals totals) {
    }

    /**
     * Copies the line items of another event's budget the caller may see (last year's conference, the previous
     * workshop of a series) into this one as its estimates: each line still counted there (not withdrawn) and kept
     * here (not a venue booking's or the travel lines, which their services keep), with its category, description,
     * vendor, kind, currency, amount, GL account and cost centre; not its purchase order, invoices or actual amount.
     * Each is an ESTIMATE ledger entry naming where it came from; one recompute and one announcement for them all.
     * All or nothing: a line in a currency without a rate into this budget's refuses the copy.
     */
    @Transactional
    public Copied copyFrom(UUID eventId, UUID fromEventId) {
        if (eventId.equals(fromEventId)) {
            throw ProblemException.invalidField("fromEventId", "must be another event than this budget's");
        }
        guard.changeBudget(eventId, Roles.FINANCE);
        guard.readBudget(fromEventId);
        if (EventBudget.findById(fromEventId) == null) {
            throw ProblemException.notFound("budget for event", fromEventId);
        }
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        requireEditable(budget);
        Instant now = clock.instant();
        List<LineItem> copied = new ArrayList<>();
        for (LineItem source : repository.keptLinesOf(fromEventId)) {
            LineItem line = new LineItem();
            line.id = UUID.randomUUID();
            line.eventId = eventId;
            line.actualAmount = BigDecimal.ZERO;
            // A microsecond apart, so the budget lists them in the order they had there.
            line.createdAt = now.plus(copied.size(), ChronoUnit.MICROS);
            apply(budget, line, new LineDraft(source.category, source.description, source.vendor, source.kind,
                    source.currency, source.unitAmount, source.glAccount, source.costCentre));
            line.persist();
            recordEstimateChange(budget, line, BigDecimal.ZERO, BigDecimal.ZERO, "line copied from the budget of "
                    + "event " + fromEventId + ": " + line.description, actor, now);
            copied.add(line);
        }
        if (!copied.isEmpty()) {
            budget.changed(now);
        }
        return new Copied(budget, fromEventId, copied, forecasts.recompute(budget));
    }

    /**
     * Replaces what a line is, except its currency; answers the budget as committed. A line another service owns
     * (a venue booking's, the travel lines) is a 409.
     */
    public Budgets.BudgetView update(UUID eventId, UUID lineId, LineDraft draft, String ifMatch) {
        applyUpdate(eventId, lineId, draft, ifMatch);
        return budgets.view(eventId);
    }

    @Transactional
    void applyUpdate(UUID eventId, UUID lineId, LineDraft draft, String ifMatch) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        requireEditable(budget);
        LineItem line = find(eventId, lineId);
        requireCurrent(ifMatch, budget, line);
        requireNotWithdrawn(line);
        if (line.externalRef != null) {
            // Its figures come from another service's announcements and would be overwritten by the next one.
            throw ProblemException.conflict("line-owned-elsewhere", "line " + lineId + " is " + line.externalRef
                    + ", kept by the service that owns it (e.g. change the venue booking or the travel rates); it "
                    + "cannot be changed here");
        }
        BudgetFigures.LineFigures before = figures(budget, line);
        String currency = draft.currency() == null ? budget.currency : draft.currency();
        if (!currency.equals(line.currency)) {
            // The ledger keeps each line in one currency; a different currency is a different line.
            throw ProblemException.conflict("line-currency-fixed", "line " + lineId + " is in " + line.currency
                    + "; its currency cannot change (add a new line instead)");
        }
        apply(budget, line, draft);
        Instant now = clock.instant();
        budget.changed(now);
        recordEstimateChange(budget, line, before.estimateInLineCurrency(), before.estimate(),
                "line changed: " + line.description, actor, now);
        forecasts.recompute(budget);
    }

    /**
     * Withdraws a line, for those who may change the budget: it stays, with its ledger entries, and leaves the
     * totals. An ESTIMATE entry takes its estimate back out, with the reason, and the budget is recomputed (and
     * announced) in the same transaction. A line with money committed or invoiced, a line another service owns, or
     * one withdrawn already, is a 409. Answers the budget as committed.
     */
    public Budgets.BudgetView withdraw(UUID eventId, UUID lineId, String reason, String ifMatch) {
        applyWithdrawal(eventId, lineId, reason, ifMatch);
        return budgets.view(eventId);
    }

    @Transactional
    void applyWithdrawal(UUID eventId, UUID lineId, String reason, String ifMatch) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        requireEditable(budget);
        LineItem line = find(eventId, lineId);
        requireCurrent(ifMatch, budget, line);
        requireNotWithdrawn(line);
        if (line.externalRef != null) {
            throw ProblemException.conflict("line-owned-elsewhere", "line " + lineId + " is " + line.externalRef
                    + ", kept by the service that owns it (e.g. cancel the venue booking); it cannot be withdrawn");
        }
        if (line.actualAmount.signum() != 0) {
            throw ProblemException.conflict("line-invoiced", "line " + lineId + " has invoices recorded; an "
                    + "invoiced line stays in the totals");
        }
        if (line.isCommitted() && line.committedAmount.signum() != 0) {
            throw ProblemException.conflict("line-committed", "line " + lineId + " has purchase order "
                    + line.poNumber + " over " + line.committedAmount + " " + line.currency + "; amend it to 0 "
                    + "(PUT .../commitment) before withdrawing the line");
        }
        Instant now = clock.instant();
        BudgetFigures.LineFigures before = figures(budget, line);
        line.withdrawnAt = now;
        line.withdrawnBy = actor;
        line.withdrawalReason = reason;
        line.updatedAt = now;
        budget.changed(now);
        ledger.record(LedgerKind.ESTIMATE, budget, line, before.estimateInLineCurrency().negate(), before.rate(),
                before.estimate().negate(), null, "line withdrawn (" + reason + "): " + line.description, actor, now);
        forecasts.recompute(budget);
    }

    /** A 409 when the line was withdrawn: it no longer changes, takes no purchase order and no invoice. */
    static void requireNotWithdrawn(LineItem line) {
        if (line.isWithdrawn()) {
            throw ProblemException.conflict("line-withdrawn", "line " + line.id + " was withdrawn on "
                    + line.withdrawnAt + " (" + line.withdrawalReason + "); it no longer changes");
        }
    }

    /**
     * Issues or amends the line's purchase order. The first commitment locks the current rate into the budget's
     * currency; amendments keep it. Answers the line as committed.
     */
    public LineView commit(UUID eventId, UUID lineId, Commitment commitment, String ifMatch) {
        applyCommitment(eventId, lineId, commitment, ifMatch);
        return view(eventId, lineId);
    }

    @Transactional
    void applyCommitment(UUID eventId, UUID lineId, Commitment commitment, String ifMatch) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        LineItem line = find(eventId, lineId);
        requireCurrent(ifMatch, budget, line);
        requireNotWithdrawn(line);
        Currency lineCurrency = line.currency();
        Money.requireMinorUnit("amount", commitment.amount(), lineCurrency);
        BudgetFigures.LineFigures before = figures(budget, line);
        Instant now = clock.instant();
        BigDecimal previousAmount = line.isCommitted() ? line.committedAmount : BigDecimal.ZERO;
        if (!line.isCommitted()) {
            line.lockedRate = rates.require(budget.organisation, line.currency, budget.currency);
            line.committedAt = now;
        }
        line.poNumber = commitment.poNumber();
        line.committedAmount = commitment.amount();
        line.updatedAt = now;
        budget.changed(now);
        BudgetFigures.LineFigures after = figures(budget, line);
        ledger.record(LedgerKind.COMMITMENT, budget, line, commitment.amount().subtract(previousAmount),
                line.lockedRate, after.committed().subtract(before.committed()), null,
                "purchase order " + line.poNumber + ": " + line.description, actor, now);
        // Locking a rate other than the current one moves the estimate in the budget currency.
        ledger.record(LedgerKind.ESTIMATE, budget, line, BigDecimal.ZERO, line.lockedRate,
                after.estimate().subtract(before.estimate()), null, "rate locked: " + line.description, actor, now);
        forecasts.recompute(budget);
    }

    public record LineView(LineItem line, BudgetFigures.LineFigures figures) {
    }

    /** One line with its figures, for those who may read the budget. */
    @Transactional
    public LineView view(UUID eventId, UUID lineId) {
        guard.readBudget(eventId);
        EventBudget budget = budgets.get(eventId);
        LineItem line = find(eventId, lineId);
        return new LineView(line, figures(budget, line));
    }

    /** A page of the budget's lines that count, in the order they were added, with their figures. */
    public record LinePage(List<LineItem> lines, List<BudgetFigures.LineFigures> figures) {
    }

    /**
     * At most {@code limit} of the budget's lines that count, in the order they were added (as the whole budget lists
     * them), after the line {@code after} (null: from the first), for those who may read the budget. A withdrawn line
     * still marks its place; a line of another budget is a 400.
     */
    @Transactional
    public LinePage page(UUID eventId, UUID after, int limit) {
        guard.readBudget(eventId);
        EventBudget budget = budgets.get(eventId);
        LineItem from = null;
        if (after != null) {
            from = LineItem.findById(after);
            if (from == null || !from.eventId.equals(eventId)) {
                throw ProblemException.invalidField("after", "must be the id of a line of this budget (the previous "
                        + "page's next)");
            }
        }
        List<LineItem> page = repository.pageOfBudget(eventId, from, limit);
        return new LinePage(page, forecasts.figuresOf(budget, page));
    }

    public LineItem find(UUID eventId, UUID lineId) {
        LineItem line = LineItem.findById(lineId);
        if (line == null || !line.eventId.equals(eventId)) {
            throw ProblemException.notFound("line item", lineId);
        }
        return line;
    }

    BudgetFigures.LineFigures figures(EventBudget budget, LineItem line) {
        BudgetFigures.LineInput input = line.figureInput();
        Map<String, BigDecimal> current = line.lockedRate == null && !line.currency.equals(budget.currency)
                ? Map.of(line.currency, rates.require(budget.organisation, line.currency, budget.currency))
                : Map.of();
        return BudgetFigures.line(budget.currency(), budget.headcountBasis, input, current);
    }

    private void apply(EventBudget budget, LineItem line, LineDraft draft) {
        String currency = draft.currency() == null ? budget.currency : draft.currency();
        Currency lineCurrency = Money.currency("currency", currency);
        if (draft.kind() == LineKind.FIXED) {
            Money.requireMinorUnit("unitAmount", draft.unitAmount(), lineCurrency);
        }
        // A line in another currency needs a rate to be estimated in the budget's currency.
        rates.require(budget.organisation, currency, budget.currency);
        line.category = draft.category();
        line.description = draft.description();
        line.vendor = draft.vendor();
        line.kind = draft.kind();
        line.currency = currency;
        line.unitAmount = draft.unitAmount();
        line.glAccount = draft.glAccount();
        line.costCentre = draft.costCentre();
        line.updatedAt = clock.instant();
    }

    private BudgetFigures.LineFigures recordEstimateChange(EventBudget budget, LineItem line,
            BigDecimal estimateBefore, BigDecimal budgetEstimateBefore, String description, String actor,
            Instant now) {
        BudgetFigures.LineFigures after = figures(budget, line);
        ledger.record(LedgerKind.ESTIMATE, budget, line, after.estimateInLineCurrency().subtract(estimateBefore),
                after.rate(), after.estimate().subtract(budgetEstimateBefore), null, description, actor, now);
        return after;
    }

    private static void requireEditable(EventBudget budget) {
        if (budget.status == BudgetStatus.SUBMITTED) {
            throw ProblemException.conflict("budget-under-review", "the budget of event " + budget.eventId
                    + " is submitted for approval; its lines can change once finance approved or rejected it");
        }
    }
}
