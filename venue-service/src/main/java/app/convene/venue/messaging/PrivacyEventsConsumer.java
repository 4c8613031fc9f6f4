package app.convene.venue.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.venue.privacy.service.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Erases a person's partner-contact entries when registration-service announces the erasure; once per event id. */
@ApplicationScoped
public class PrivacyEventsConsumer {
    static final String CONSUMER = "venue-service.privacy";

    @Inject
    Inbox inbox;
    @Inject
    Erasures erasures;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER).on(PrivacyEvents.PERSON_ERASED, erasures::erase);
    }

    @Incoming("privacy-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
