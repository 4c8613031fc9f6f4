package app.convene.registration.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.registration.privacy.service.Erasures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Marks budget-service's part of an erasure done; every other type on {@code budget.events} is ignored. */
@ApplicationScoped
public class BudgetEventsConsumer {
    static final String CONSUMER = VenueEventsConsumer.CONSUMER;

    @Inject
    Inbox inbox;
    @Inject
    Erasures erasures;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                .on(BudgetEvents.ERASURE_COMPLETED, completed -> erasures.completed(Erasures.BUDGET, completed));
    }

    @Incoming("budget-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
