package app.convene.venue.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.inbox.Inbox;
import app.convene.venue.service.EventChanges;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Follows registration-service: events scheduled, updated and cancelled, and how many people are coming. Who may see
 * and change each event (its organisation, owner, co-organizers, delegates, confidentiality) comes with every
 * scheduled and updated event and is kept in {@code event_access}, in the same transaction as the rest. Each record
 * is handled once (the inbox skips a redelivered event id); an unreadable one goes to {@code venue-service.dead-letter}
 * with a {@code dead-letter-reason} header, and the next record is processed.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "venue-service";

    @Inject
    Inbox inbox;
    @Inject
    EventChanges changes;
    @Inject
    EventAccessStore access;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                .on(RegistrationEvents.EVENT_SCHEDULED, scheduled -> {
                    changes.onEventScheduled(scheduled);
                    access.save(scheduled.eventId(), scheduled.access());
                })
                // Only the newest headcount counts: of a batch's records for one event, only the highest sequence
                // is applied (the others are kept as handled).
                .onNewest(RegistrationEvents.HEADCOUNT_CHANGED, HeadcountChanged::eventId, HeadcountChanged::sequence,
                        changes::onHeadcountChanged)
                .on(RegistrationEvents.EVENT_UPDATED, updated -> {
                    changes.onEventUpdated(updated);
                    access.save(updated.eventId(), updated.access());
                })
                .on(RegistrationEvents.EVENT_CANCELLED, changes::onEventCancelled);
    }

    @Incoming("registration-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
