package app.convene.budget.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.budget.service.VenueCosts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** A confirmed room booking with a price is the budget's venue line; a cancelled booking no longer costs it. */
@ApplicationScoped
public class VenueEventsConsumer {
    static final String CONSUMER = "budget-service.venue";

    @Inject
    Inbox inbox;
    @Inject
    VenueCosts venueCosts;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                .on(VenueEvents.BOOKING_CONFIRMED, venueCosts::onBookingConfirmed)
                .on(VenueEvents.BOOKING_CANCELLED, venueCosts::onBookingCancelled);
    }

    @Incoming("venue-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
