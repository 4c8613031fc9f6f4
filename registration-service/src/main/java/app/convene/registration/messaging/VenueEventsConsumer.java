package app.convene.registration.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.registration.privacy.service.Erasures;
import app.convene.registration.service.EventCatalog;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Caps an event's seats at the safe occupancy of the room booked for it (and at its new one when the room is assessed
 * again), and lifts the cap when it is released; marks
 * venue-service's part of an erasure done.
 */
@ApplicationScoped
public class VenueEventsConsumer {
    static final String CONSUMER = "registration-service";

    @Inject
    Inbox inbox;
    @Inject
    EventCatalog catalog;
    @Inject
    Erasures erasures;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                .on(VenueEvents.BOOKING_CONFIRMED, booking -> catalog.roomBooked(booking.eventId(),
                        String.valueOf(booking.venueId()), String.valueOf(booking.roomId()), booking.safeOccupancy()))
                .on(VenueEvents.BOOKED_ROOM_CHANGED, changed -> catalog.bookedRoomChanged(changed.eventId(),
                        String.valueOf(changed.roomId()), changed.safeOccupancy()))
                .on(VenueEvents.BOOKING_CANCELLED, cancelled -> catalog.roomReleased(cancelled.eventId(),
                        String.valueOf(cancelled.roomId())))
                .on(VenueEvents.ERASURE_COMPLETED, completed -> erasures.completed(Erasures.VENUE, completed));
    }

    @Incoming("venue-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
