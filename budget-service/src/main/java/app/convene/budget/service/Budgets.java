package app.convene.budget.service;

import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents.EventCancelled;
import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.EventUpdated;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.HeadcountBasisSource;
import app.convene.budget.domain.LineItem;

/**
 * Budgets per event: drafted when the event is scheduled (or created directly), configured by the organizer, kept
 * in step with the event's headcount, which reforecasts every per-attendee line. A budget belongs to its event's
 * organisation; who may read and change it is the event's access rule ({@link EventAccessGuard}).
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

    /** What a budget is configured with; null fields keep their current value. */
    public record Settings(String currency, String department, String costCentre, BigDecimal showUpRate,
            BigDecimal tolerancePercent) {
    }

    /** A budget with its lines and their figures, as the one view a front-end needs. */
    public record BudgetView(EventBudget budget, List<LineItem> lines, BudgetFigures.Result figures) {
    }

    /**
     * {@code reapprovalRequested}: the show-up rate or tolerance of a budget that was approved (or awaits a decision)
     * changed, so it went back to finance as a submission of the caller's.
     */
    public record Configured(EventBudget budget, boolean created, boolean reapprovalRequested) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(EventScheduled scheduled) {
        EventBudget budget = findOrDraft(scheduled.eventId());
        budget.title = scheduled.title();
        budget.startsAt = scheduled.startsAt();
        budget.endsAt = scheduled.endsAt();
        budget.timeZone = scheduled.timeZone();
        if (budget.headcountSequence < 0) {
            budget.capacity = scheduled.capacity();
        }
        budget.updatedAt = clock.instant();
    }

    /**
     * Applies a headcount only if it is newer than the one held: late or replayed ones change nothing. A newer one
     * moves the headcount basis and so reforecasts every per-attendee line.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(HeadcountChanged headcount) {
        EventBudget budget = findOrDraft(headcount.eventId());
        if (headcount.sequence() <= budget.headcountSequence) {
            return;
        }
        budget.headcountSequence = headcount.sequence();
        budget.capacity = headcount.capacity();
        budget.confirmed = headcount.confirmed();
        budget.waitlisted = headcount.waitlisted();
        budget.checkedIn = headcount.checkedIn();
        budget.noShows = headcount.noShows();
        budget.updatedAt = clock.instant();
        if (applyHeadcountBasis(budget, budget.updatedAt)) {
            forecasts.recompute(budget);
        }
    }

    /**
     * Creates the budget, or changes the settings of the one that exists (e.g. drafted from the schedule). Only the
     * event's owner, co-organizers and delegates, or finance, may.
     * <p>
     * The show-up rate and the tolerance are what finance approved the forecast and its limit with: changing either
     * on a budget that was approved (or awaits a decision) sends it back to finance, as a submission of whoever
     * changed it, announced like any submission. So nobody moves the goalposts of an approval alone: not even a
     * member of finance, who cannot approve their own submission.
     */
    @Transactional
    public Configured configure(UUID eventId, Settings settings) {
        EventAccess access = guard.changeBudget(eventId, Roles.FINANCE);
        boolean created = draft(eventId, access.organisation());
        EventBudget budget = lock(eventId);
        if (budget.organisation == null) {
            budget.organisation = access.organisation();
        }
        if (settings.currency() != null && !settings.currency().equals(budget.currency)) {
            Money.currency("currency", settings.currency());
            if (LineItem.count("eventId", eventId) > 0) {
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
        applyHeadcountBasis(budget, now);
        // A new show-up rate or tolerance moves the forecast or its limit.
        BudgetFigures.Result figures = forecasts.recompute(budget);
        boolean reapproval = approvalTermsChanged && budget.status.holdsApproval();
        if (reapproval) {
            approvals.resubmitted(budget, figures, caller.subject());
        }
        return new Configured(budget, created, reapproval);
    }

    public EventBudget get(UUID eventId) {
        EventBudget budget = EventBudget.findById(eventId);
        if (budget == null) {
            throw ProblemException.notFound("budget for event", eventId);
        }
        return budget;
    }

    /** The budget with every line and its figures, for those who may read it. */
    @Transactional
    public BudgetView view(UUID eventId) {
        guard.readBudget(eventId);
        EventBudget budget = get(eventId);
        List<LineItem> lines = LineItem.list("eventId = ?1 order by createdAt, id", eventId);
        return new BudgetView(budget, lines, forecasts.figures(budget));
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
        budget.title = updated.title();
        budget.startsAt = updated.startsAt();
        budget.endsAt = updated.endsAt();
        budget.timeZone = updated.timeZone();
        if (budget.headcountSequence < 0) {
            budget.capacity = updated.capacity();
        }
        if ("CANCELLED".equals(updated.status()) && budget.eventCancelledAt == null) {
            budget.eventCancelledAt = clock.instant();
        }
        budget.updatedAt = clock.instant();
        if (applyHeadcountBasis(budget, budget.updatedAt)) {
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
        EventBudget budget = EventBudget.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (budget == null) {
            throw ProblemException.notFound("budget for event", eventId);
        }
        return budget;
    }

    /**
     * Per-attendee lines follow confirmed registrations (times the expected show-up rate when below 1); once the
     * event has ended and people checked in, they follow the check-ins. True when the basis moved.
     */
    static boolean applyHeadcountBasis(EventBudget budget, Instant now) {
        BigDecimal basis;
        HeadcountBasisSource source;
        if (budget.endsAt != null && !now.isBefore(budget.endsAt) && budget.checkedIn > 0) {
            basis = BigDecimal.valueOf(budget.checkedIn);
            source = HeadcountBasisSource.CHECKED_IN;
        } else if (budget.showUpRate.compareTo(BigDecimal.ONE) < 0) {
            basis = BigDecimal.valueOf(budget.confirmed).multiply(budget.showUpRate);
            source = HeadcountBasisSource.EXPECTED_SHOW_UP;
        } else {
            basis = BigDecimal.valueOf(budget.confirmed);
            source = HeadcountBasisSource.CONFIRMED;
        }
        basis = basis.setScale(4, RoundingMode.HALF_EVEN);
        boolean moved = budget.headcountBasis == null || basis.compareTo(budget.headcountBasis) != 0;
        budget.headcountBasis = basis;
        budget.basisSource = source;
        return moved;
    }

    /**
     * The event's budget, locked; drafted (and announced) if it does not exist. The insert cannot clash: a schedule
     * announcement and a direct creation racing for the same event make one budget and one announcement.
     */
    private EventBudget findOrDraft(UUID eventId) {
        String organisation = accessStore.find(eventId).map(EventAccess::organisation).orElse(null);
        draft(eventId, organisation);
        EventBudget budget = lock(eventId);
        if (budget.organisation == null && organisation != null) {
            // Drafted before the event's access was known (e.g. from a venue booking): now it has its organisation.
            budget.organisation = organisation;
        }
        return budget;
    }

    /**
     * Inserts and announces a draft budget of {@code organisation} (null while unknown) unless one exists; true when
     * it was created now.
     */
    private boolean draft(UUID eventId, String organisation) {
        Instant now = clock.instant();
        int inserted = EventBudget.getEntityManager().createNativeQuery("""
                insert into event_budget (event_id, organisation, status, currency, show_up_rate, tolerance_percent,
                                          created_at, updated_at)
                values (:eventId, :organisation, 'DRAFT', :currency, 1, :tolerance, :now, :now)
                on conflict (event_id) do nothing""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("eventId", eventId)
                .setParameter("organisation", organisation, String.class)
                .setParameter("currency", config.defaultCurrency())
                .setParameter("tolerance", config.defaultTolerancePercent())
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            outbox.append(BudgetEvents.CREATED, BudgetEvents.AGGREGATE, eventId,
                    new BudgetEvents.BudgetCreated(eventId, BudgetStatus.DRAFT.name()));
        }
        return inserted == 1;
    }
}
