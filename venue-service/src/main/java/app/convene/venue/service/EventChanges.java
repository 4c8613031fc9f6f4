package app.convene.venue.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.EventCancelled;
import app.convene.backbone.event.RegistrationEvents.EventUpdated;
import app.convene.venue.domain.EventReadiness;

/**
 * What registration-service says about an event after scheduling it: new terms (times, title, capacity), or that it
 * is called off. Each runs in the consumer's transaction under the event's lock, so the change, the released booking
 * and their announcements commit together with the inbox receipt.
 */
@ApplicationScoped
public class EventChanges {
    static final String CANCELLED = "CANCELLED";

    @Inject
    Readiness readiness;
    @Inject
    Bookings bookings;
    @Inject
    Clock clock;

    /** New terms: the confirmed booking must still cover the event's times, or the room is no longer "booked". */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventUpdated(EventUpdated updated) {
        requireEventId(updated.eventId(), RegistrationEvents.EVENT_UPDATED.name());
        if (updated.startsAt() == null || updated.endsAt() == null || !updated.endsAt().isAfter(updated.startsAt())) {
            throw new PoisonEventException(RegistrationEvents.EVENT_UPDATED.name() + " for event "
                    + updated.eventId() + " needs startsAt before endsAt, got " + updated.startsAt() + " to "
                    + updated.endsAt());
        }
        EventReadiness event = readiness.lock(updated.eventId());
        event.title = updated.title();
        event.startsAt = updated.startsAt();
        event.endsAt = updated.endsAt();
        event.timeZone = updated.timeZone();
        event.capacity = updated.capacity();
        if (CANCELLED.equals(updated.status())) {
            // Registration announces event-cancelled too; whichever comes first releases the room.
            callOff(event, clock.instant());
        }
        readiness.reassess(event);
    }

    /** The event no longer needs its room: the confirmed booking is released and announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventCancelled(EventCancelled cancelled) {
        requireEventId(cancelled.eventId(), RegistrationEvents.EVENT_CANCELLED.name());
        EventReadiness event = readiness.lock(cancelled.eventId());
        if (cancelled.title() != null) {
            event.title = cancelled.title();
        }
        callOff(event, cancelled.cancelledAt() == null ? clock.instant() : cancelled.cancelledAt());
        readiness.reassess(event);
    }

    private void callOff(EventReadiness event, Instant cancelledAt) {
        if (event.cancelledAt == null) {
            event.cancelledAt = cancelledAt;
        }
        bookings.releaseRoomOf(event, "event cancelled in registration at " + event.cancelledAt);
    }

    private static void requireEventId(UUID eventId, String type) {
        if (eventId == null) {
            throw new PoisonEventException(type + " without eventId");
        }
    }
}
