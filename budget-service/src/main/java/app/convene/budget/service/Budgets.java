package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents.EventCancelled;
import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.EventUpdated;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.money.Money;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LineItem;
import app.convene.budget.persistence.BudgetRepository;
import app.convene.budget.persistence.LineItemRepository;

/**
 * Budgets per event: drafted when the event is scheduled (or created directly), configured by the organizer, kept
 * in step with the event's headcount, which reforecasts every per-attendee line. A budget belongs to its event's
 * organisation; who may read and change it is the event's access rule ({@link EventAccessGuard}).
 * <p>
 * A change answered with the whole budget is answered as committed: the change commits in its own transaction, and
 * the budget is then read in another, as any later read sees it.
 */
@ApplicationScoped
public class Budgets {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    Forecasts forecasts;
    @Inject
    BudgetConfig config;
    @Inject
    EventAccessGuard guard;
    @Inject
    EventAccessStore accessStore;
    @Inject
    Caller caller;
    @Inject
    Approvals approvals;
    @Inject
    BudgetRepository repository;
    @Inject
    LineItemRepository lines;

    /** What a budget is configured with; null fields keep their current value. */
    public record Settings(String currency, String department, String costCentre, BigDecimal showUpRate,
            BigDecimal tolerancePercent) {
    }

    /** A budget with its lines and their figures, as the one view a front-end needs. */
    public record BudgetView(EventBudget budget, List<LineItem> lines, BudgetFigures.Result figures,
            List<LineItem> withdrawnLines) {
    }

    /** A budget without its lines: its totals, summed by the database, and how many lines count. */
    public record BudgetSummary(EventBudget budget, BudgetFigures.Totals totals, long lines, long withdrawnLines) {
    }

    /** The budget after its settings changed, and whether it was created by the change. */
    public record Configured(BudgetView budget, boolean created) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(EventScheduled scheduled) {
        EventBudget budget = findOrDraft(scheduled.eventId());
        budget.applyTerms(scheduled.title(), scheduled.startsAt(), scheduled.endsAt(), scheduled.timeZone(),
                scheduled.capacity());
        budget.updatedAt = clock.instant();
    }

    /**
     * Applies a headcount only if it is newer than the one held: late or replayed ones change nothing. A newer one
     * moves the headcount basis and so reforecasts every per-attendee line.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(HeadcountChanged headcount) {
        EventBudget budget = findOrDraft(headcount.eventId());
        if (!budget.applyHeadcount(headcount)) {
            return;
        }
        budget.updatedAt = clock.instant();
        if (budget.applyHeadcountBasis(budget.updatedAt)) {
            forecasts.recompute(budget);
        }
    }

    /**
     * Creates the budget, or changes the settings of the one that exists (e.g. drafted from the schedule), and
     * answers it as committed. Only the event's owner, co-organizers and delegates, or finance, may. With
     * {@code ifMatch}, only while the budget is what was read: it names the tag of the budget as answered
     * ({@code tagOf}, its whole answer: settings, lines and figures), checked with the budget locked; a budget not
     * created yet matches no tag (412).
     */
    public Configured configure(UUID eventId, Settings settings, String ifMatch,
            Function<BudgetView, String> tagOf) {
        boolean created = applySettings(eventId, settings, ifMatch, tagOf);
        return new Configured(view(eventId), created);
    }

    /**
     * The change of {@link #configure}; true when the budget was created.
     * <p>
     * The show-up rate and the tolerance are what finance approved the forecast and its limit with: changing either
     * on a budget that was approved (or awaits a decision) sends it back to finance, as a submission of whoever
     * changed it, announced like any submission. So nobody moves the goalposts of an approval alone: not even a
     * member of finance, who cannot approve their own submission.
     */
    @Transactional
    boolean applySettings(UUID eventId, Settings settings, String ifMatch, Function<BudgetView, String> tagOf) {
        EventAccess access = guard.changeBudget(eventId, Roles.FINANCE);
        boolean created = draft(eventId, access.organisation());
        EventBudget budget = lock(eventId);
        // Created just now (undone with the 412), there was no budget to have read.
        EntityTags.requireCurrent(ifMatch, () -> created ? null : tagOf.apply(new BudgetView(budget,
                lines.ofBudget(eventId), forecasts.figures(budget), lines.withdrawnOf(eventId))));
        if (budget.organisation == null) {
            budget.organisation = access.organisation();
        }
        if (settings.currency() != null && !settings.currency().equals(budget.currency)) {
            Money.currency("currency", settings.currency());
            if (lines.countOfBudget(eventId) > 0) {
                throw ProblemException.conflict("currency-fixed",
                        "the budget's currency cannot change once it has line items");
            }
            budget.currency = settings.currency();
            budget.forecastTotal = BigDecimal.ZERO;
        }
        if (settings.department() != null) {
            budget.department = settings.department();
        }
        if (settings.costCentre() != null) {
            budget.costCentre = settings.costCentre();
        }
        boolean approvalTermsChanged = false;
        if (settings.showUpRate() != null && settings.showUpRate().compareTo(budget.showUpRate) != 0) {
            budget.showUpRate = settings.showUpRate();
            approvalTermsChanged = true;
        }
        if (settings.tolerancePercent() != null
                && settings.tolerancePercent().compareTo(budget.tolerancePercent) != 0) {
            budget.tolerancePercent = settings.tolerancePercent();
            approvalTermsChanged = true;
        }
        Instant now = clock.instant();
        if (!created) {
            budget.changed(now);
        }
        budget.applyHeadcountBasis(now);
        // A new show-up rate or tolerance moves the forecast or its limit.
        BudgetFigures.Totals figures = forecasts.recompute(budget);
        if (approvalTermsChanged && budget.status.holdsApproval()) {
            approvals.resubmitted(budget, figures, caller.subject());
        }
        return created;
    }

    public EventBudget get(UUID eventId) {
        EventBudget budget = EventBudget.findById(eventId);
        if (budget == null) {
            throw ProblemException.notFound("budget for event", eventId);
        }
        return budget;
    }

    /** The budget with every line that counts and its figures, and its withdrawn lines, for those who may read it. */
    @Transactional
    public BudgetView view(UUID eventId) {
        guard.readBudget(eventId);
        EventBudget budget = get(eventId);
        return new BudgetView(budget, lines.ofBudget(eventId), forecasts.figures(budget),
                lines.withdrawnOf(eventId));
    }

    /**
     * The budget's settings, headcount, status and totals without reading its lines, for those who may read it: the
     * view of a budget too large to answer whole (its lines come a page at a time, {@link LineItems#page}).
     */
    @Transactional
    public BudgetSummary summary(UUID eventId) {
        guard.readBudget(eventId);
        EventBudget budget = get(eventId);
        BudgetFigures.Summary summary = forecasts.summary(budget);
        return new BudgetSummary(budget, summary.totals(), summary.lines(), lines.withdrawnCountOf(eventId));
    }

    /** The event's budget, locked; drafted first if no announcement about the event came before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventBudget lockOrDraft(UUID eventId) {
        return findOrDraft(eventId);
    }

    /** The event's schedule or terms changed; a cancelled event keeps its budget (costs may remain). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventUpdated(EventUpdated updated) {
        EventBudget budget = findOrDraft(updated.eventId());
        budget.applyTerms(updated.title(), updated.startsAt(), updated.endsAt(), updated.timeZone(),
                updated.capacity());
        if ("CANCELLED".equals(updated.status()) && budget.eventCancelledAt == null) {
            budget.eventCancelledAt = clock.instant();
        }
        budget.updatedAt = clock.instant();
        if (budget.applyHeadcountBasis(budget.updatedAt)) {
            forecasts.recompute(budget);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventCancelled(EventCancelled cancelled) {
        EventBudget budget = findOrDraft(cancelled.eventId());
        if (budget.eventCancelledAt == null) {
            budget.eventCancelledAt = cancelled.cancelledAt() != null ? cancelled.cancelledAt() : clock.instant();
        }
        budget.updatedAt = clock.instant();
    }

    /** The budget, locked for the rest of the transaction: one change at a time per budget. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventBudget lock(UUID eventId) {
        EventBudget budget = repository.lockForUpdate(eventId);
        if (budget == null) {
            throw ProblemException.notFound("budget for event", eventId);
        }
        return budget;
    }

    /**
     * The event's budget, locked; drafted (and announced) if it does not exist. The insert cannot clash: a schedule
     * announcement and a direct creation racing for the same event make one budget and one announcement. Locked
     * first: a known event's budget (every headcount after the first) takes one statement, not three.
     */
    private EventBudget findOrDraft(UUID eventId) {
        EventBudget budget = repository.lockForUpdate(eventId);
        if (budget == null) {
            draft(eventId, organisationOf(eventId));
            budget = lock(eventId);
        }
        if (budget.organisation == null) {
            // Drafted before the event's access was known (e.g. from a venue booking): it takes it once known.
            budget.organisation = organisationOf(eventId);
        }
        return budget;
    }

    /** The event's organisation as announced to budget; null while nothing was. */
    private String organisationOf(UUID eventId) {
        return accessStore.find(eventId).map(EventAccess::organisation).orElse(null);
    }

    /**
     * Inserts and announces a draft budget of {@code organisation} (null while unknown) unless one exists; true when
     * it was created now.
     */
    private boolean draft(UUID eventId, String organisation) {
        boolean inserted = repository.insertDraftIfAbsent(eventId, organisation, config.defaultCurrency(),
                config.defaultTolerancePercent(), clock.instant());
        if (inserted) {
            outbox.append(BudgetEvents.CREATED, BudgetEvents.AGGREGATE, eventId,
                    new BudgetEvents.BudgetCreated(eventId, BudgetStatus.DRAFT.name()));
        }
        return inserted;
    }
}
