package app.convene.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.privacy.service.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Erases what notification-service holds about a person, or about an event's attendees once the retention policy came
 * due, when registration-service announces it; once per id.
 */
@ApplicationScoped
public class PrivacyEventsConsumer {
    public static final String CHANNEL = "privacy-events";

    @Inject
    Inbox inbox;
    @Inject
    Erasures erasures;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME).on(PrivacyEvents.PERSON_ERASED, erasures::erase)
                .on(PrivacyEvents.EVENT_ATTENDEES_ANONYMISED, erasures::anonymiseEventAttendees);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(Consumers.INBOX_NAME, poll, handlers);
    }
}
