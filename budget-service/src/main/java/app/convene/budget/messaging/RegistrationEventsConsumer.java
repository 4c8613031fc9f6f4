package app.convene.budget.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.event.RegistrationEvents.TravelNeedsChanged;
import app.convene.backbone.inbox.Inbox;
import app.convene.budget.service.Budgets;
import app.convene.budget.service.TravelCosts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps budgets in step with registration-service: scheduled, updated and cancelled events, who may see and change
 * them (their access, kept in {@code event_access}), their headcount, and their travel and accommodation figures
 * (which price the travel lines, {@link TravelCosts}).
 * Check-ins are read from the headcount (its {@code checkedIn} count carries a sequence, so it is order-safe), not
 * from the per-attendee check-in announcements. A poll's records are applied together ({@link Inbox#deliverAll}).
 */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "budget-service";

    @Inject
    Inbox inbox;
    @Inject
    Budgets budgets;
    @Inject
    EventAccessStore access;
    @Inject
    TravelCosts travelCosts;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                // Who may see and change the event (and its budget) is kept first, in the same transaction, so the
                // budget drafted from it belongs to the event's organisation.
                .on(RegistrationEvents.EVENT_SCHEDULED, scheduled -> {
                    access.save(scheduled.eventId(), scheduled.access());
                    budgets.onEventScheduled(scheduled);
                })
                .on(RegistrationEvents.EVENT_UPDATED, updated -> {
                    access.save(updated.eventId(), updated.access());
                    budgets.onEventUpdated(updated);
                })
                .on(RegistrationEvents.EVENT_CANCELLED, budgets::onEventCancelled)
                // Only the newest headcount and travel figures count: of a batch's records for one event, only the
                // one with the highest sequence reforecasts the budget (the others are kept as handled).
                .onNewest(RegistrationEvents.HEADCOUNT_CHANGED, HeadcountChanged::eventId, HeadcountChanged::sequence,
                        budgets::onHeadcountChanged)
                .onNewest(RegistrationEvents.TRAVEL_NEEDS_CHANGED, TravelNeedsChanged::eventId,
                        TravelNeedsChanged::sequence, travelCosts::onTravelNeedsChanged);
    }

    @Incoming("registration-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
