package app.convene.registration.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.registration.privacy.service.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Marks notification-service's part of an erasure done; every other type on {@code notification.events} is ignored. */
@ApplicationScoped
public class NotificationEventsConsumer {
    static final String CONSUMER = VenueEventsConsumer.CONSUMER;

    @Inject
    Inbox inbox;
    @Inject
    Erasures erasures;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                .on(NotificationEvents.ERASURE_COMPLETED,
                        completed -> erasures.completed(Erasures.NOTIFICATION, completed));
    }

    @Incoming("notification-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
