package app.convene.budget.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.budget.service.VenueCosts;
import io.smallrye.reactive.messaging.annotations.Blocking;

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
    public void consume(ConsumerRecords<String, String> records) {
        inbox.deliverAll(CONSUMER, records, handlers);
    }
}
