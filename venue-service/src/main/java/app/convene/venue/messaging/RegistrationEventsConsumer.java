package app.convene.venue.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.venue.service.EventChanges;
import app.convene.venue.service.ReadinessService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows registration-service: events scheduled, updated and cancelled, and how many people are coming. Each record
 * is handled once (the inbox skips a redelivered event id); an unreadable one goes to {@code venue-service.dead-letter}
 * with a {@code dead-letter-reason} header, and the next record is processed.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "venue-service";

    @Inject
    Inbox inbox;
    @Inject
    ReadinessService readiness;
    @Inject
    EventChanges changes;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers()
                .on(RegistrationEvents.EVENT_SCHEDULED, readiness::onEventScheduled)
                .on(RegistrationEvents.HEADCOUNT_CHANGED, readiness::onHeadcountChanged)
                .on(RegistrationEvents.EVENT_UPDATED, changes::onEventUpdated)
                .on(RegistrationEvents.EVENT_CANCELLED, changes::onEventCancelled);
    }

    @Incoming("registration-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.deliver(CONSUMER, record, handlers);
    }
}
