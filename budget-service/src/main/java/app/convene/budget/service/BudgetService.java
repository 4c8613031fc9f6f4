package app.convene.budget.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.budget.domain.EventBudget;

/** Budgets per event: drafted when the event is scheduled, kept in step with its headcount. */
@ApplicationScoped
public class BudgetService {
    @Inject
    Outbox outbox;

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
        budget.updatedAt = Instant.now();
    }

    /** Applies a headcount only if it is newer than the one held: late or replayed ones change nothing. */
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
        budget.updatedAt = Instant.now();
    }

    public EventBudget get(UUID eventId) {
        EventBudget budget = EventBudget.findById(eventId);
        if (budget == null) {
            throw ProblemException.notFound("budget for event", eventId);
        }
        return budget;
    }

    private EventBudget findOrDraft(UUID eventId) {
        EventBudget budget = EventBudget.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (budget != null) {
            return budget;
        }
        budget = new EventBudget();
        budget.eventId = eventId;
        budget.status = "DRAFT";
        budget.headcountSequence = -1;
        budget.createdAt = Instant.now();
        budget.updatedAt = budget.createdAt;
        budget.persistAndFlush();
        outbox.append(BudgetEvents.CREATED, BudgetEvents.AGGREGATE, eventId,
                new BudgetEvents.BudgetCreated(eventId, budget.status));
        return budget;
    }
}
