package app.convene.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.privacy.service.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;

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
    public void consume(ConsumerRecords<String, String> records) {
        inbox.deliverAll(Consumers.INBOX_NAME, records, handlers);
    }
}
