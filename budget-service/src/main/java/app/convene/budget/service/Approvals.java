package app.convene.budget.service;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.ThresholdState;
import app.convene.budget.persistence.LineItemRepository;
import app.convene.budget.service.Budgets.BudgetView;

/**
 * Draft → submitted → approved or rejected. The event's owner, co-organizers and delegates (or finance) submit;
 * finance decides, and nobody decides on their own submission. Approval makes the forecast of that moment the
 * baseline the thresholds are measured against. Each step is answered with the budget as committed (see
 * {@link Budgets}).
 */
@ApplicationScoped
public class Approvals {
    @Inject
    Clock clock;
    @Inject
    Budgets budgets;
    @Inject
    Forecasts forecasts;
    @Inject
    Outbox outbox;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    LineItemRepository lines;

    /** Submits the budget for approval; answers it as committed. */
    public BudgetView submit(UUID eventId) {
        applySubmission(eventId);
        return budgets.view(eventId);
    }

    /** Finance approves the submitted budget; answers it as committed. */
    public BudgetView approve(UUID eventId) {
        applyApproval(eventId);
        return budgets.view(eventId);
    }

    /** Finance rejects the submitted budget; answers it as committed. */
    public BudgetView reject(UUID eventId, String reason) {
        applyRejection(eventId, reason);
        return budgets.view(eventId);
    }

    @Transactional
    void applySubmission(UUID eventId) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        if (!budget.status.mayBeSubmitted()) {
            throw ProblemException.conflict("budget-not-submittable",
                    "a budget that is " + budget.status + " cannot be submitted");
        }
        if (budget.department == null) {
            throw ProblemException.conflict("budget-incomplete", "department: must be set before submitting");
        }
        if (budget.costCentre == null) {
            throw ProblemException.conflict("budget-incomplete", "costCentre: must be set before submitting");
        }
        if (lines.countOfBudget(eventId) == 0) {
            throw ProblemException.conflict("budget-incomplete", "lines: a budget needs a line item to be submitted");
        }
        resubmitted(budget, forecasts.recompute(budget), actor);
    }

    /**
     * The budget (locked, recomputed) awaits finance's decision as a submission of {@code actor}'s: submitted, or
     * sent back because the terms of its approval changed. Announced as a submission.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void resubmitted(EventBudget budget, BudgetFigures.Totals figures, String actor) {
        budget.status = BudgetStatus.SUBMITTED;
        budget.submittedBy = actor;
        budget.submittedAt = clock.instant();
        budget.decidedBy = null;
        budget.decidedAt = null;
        budget.rejectionReason = null;
        budget.updatedAt = budget.submittedAt;
        outbox.append(BudgetEvents.SUBMITTED, BudgetEvents.AGGREGATE, budget.eventId, new BudgetEvents.BudgetSubmitted(
                budget.eventId, budget.revision, figures.forecast(), budget.currency));
    }

    @Transactional
    void applyApproval(UUID eventId) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = decidable(eventId, actor);
        BudgetFigures.Totals figures = forecasts.recompute(budget);
        budget.status = BudgetStatus.APPROVED;
        budget.approvedTotal = figures.forecast();
        budget.baselineRevision = budget.revision;
        budget.thresholdState = ThresholdState.WITHIN;
        decided(budget, actor);
        outbox.append(BudgetEvents.APPROVED, BudgetEvents.AGGREGATE, eventId, new BudgetEvents.BudgetApproved(
                eventId, budget.revision, budget.approvedTotal, budget.tolerancePercent, budget.currency));
    }

    @Transactional
    void applyRejection(UUID eventId, String reason) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = decidable(eventId, actor);
        budget.status = BudgetStatus.REJECTED;
        budget.rejectionReason = reason;
        decided(budget, actor);
        outbox.append(BudgetEvents.REJECTED, BudgetEvents.AGGREGATE, eventId,
                new BudgetEvents.BudgetRejected(eventId, budget.revision, reason));
    }

    private EventBudget decidable(UUID eventId, String actor) {
        EventBudget budget = budgets.lock(eventId);
        if (budget.status != BudgetStatus.SUBMITTED) {
            throw ProblemException.conflict("budget-not-submitted",
                    "only a submitted budget can be approved or rejected; this one is " + budget.status);
        }
        if (Objects.equals(budget.submittedBy, actor)) {
            throw new ProblemException(403, "own-submission", "Forbidden",
                    "nobody approves or rejects their own submission; another member of finance must decide");
        }
        return budget;
    }

    private void decided(EventBudget budget, String actor) {
        budget.decidedBy = actor;
        budget.decidedAt = clock.instant();
        budget.updatedAt = budget.decidedAt;
    }
}
