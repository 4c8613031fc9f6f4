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
import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.EventUpdated;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.venue.domain.EventReadiness;

/**
 * Venue's copy of each event, kept from what registration-service announces: the event scheduled, its headcount, new
 * terms (times, title, capacity), or that it is called off. Each runs in the consumer's transaction under the event's
 * lock, so the change, a released booking, the reassessed readiness and their announcements commit together with the
 * inbox receipt.
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

    /** A new event: its terms, and who may see it (kept by the consumer in the same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(EventScheduled scheduled) {
        EventReadiness event = readiness.lock(scheduled.eventId());
        event.applyTerms(scheduled.title(), scheduled.startsAt(), scheduled.endsAt(), scheduled.timeZone(),
                scheduled.capacity());
        readiness.reassess(event);
    }

    /** Only a newer headcount counts ({@link EventReadiness#applyHeadcount}); an older or repeated one is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(HeadcountChanged headcount) {
        EventReadiness event = readiness.lock(headcount.eventId());
        if (event.applyHeadcount(headcount)) {
            readiness.reassess(event);
        }
    }

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
        event.applyTerms(updated.title(), updated.startsAt(), updated.endsAt(), updated.timeZone(),
                updated.capacity());
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
