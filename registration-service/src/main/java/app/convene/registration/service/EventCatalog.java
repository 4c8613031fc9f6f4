package app.convene.registration.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;

/** Schedules events, changes their terms, publishes and cancels them, and announces their headcount. */
@ApplicationScoped
public class EventCatalog {
    @Inject
    Outbox outbox;
    @Inject
    WaitingList waitingList;

    /** The terms of an event; on a change, null means "leave as it is". */
    public record EventTerms(String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            Instant cancellationDeadline, LateCancellationPolicy lateCancellationPolicy, String venueId,
            String roomId) {
    }

    @Transactional
    public Event schedule(EventTerms terms, EventStatus status) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.status = status == null ? EventStatus.PUBLISHED : status;
        event.lateCancellationPolicy = LateCancellationPolicy.ACCEPT_LATE;
        event.createdAt = Instant.now();
        apply(event, terms);
        event.persist();
        outbox.append(RegistrationEvents.EVENT_SCHEDULED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventScheduled(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity()));
        announceHeadcount(event);
        return event;
    }

    /**
     * Changes an event's terms. Lowering the capacity below the confirmed count un-confirms nobody (new arrivals
     * wait); raising it promotes from the waiting list at once.
     */
    @Transactional
    public Event change(UUID eventId, EventTerms changes) {
        Event event = lock(eventId);
        requireNotCancelled(event);
        int seatsBefore = event.effectiveCapacity();
        apply(event, changes);
        announceUpdate(event);
        if (event.effectiveCapacity() != seatsBefore) {
            waitingList.promoteWhileSeatsFree(event, Instant.now());
            announceHeadcount(event);
        }
        return event;
    }

    @Transactional
    public Event publish(UUID eventId) {
        Event event = lock(eventId);
        requireNotCancelled(event);
        if (event.status == EventStatus.DRAFT) {
            event.status = EventStatus.PUBLISHED;
            announceUpdate(event);
        }
        return event;
    }

    /** Calls the event off: no more registrations; existing ones are kept for the record. */
    @Transactional
    public Event cancel(UUID eventId) {
        Event event = lock(eventId);
        requireNotCancelled(event);
        event.status = EventStatus.CANCELLED;
        event.cancelledAt = Instant.now();
        outbox.append(RegistrationEvents.EVENT_CANCELLED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventCancelled(event.id, event.title, event.cancelledAt));
        announceUpdate(event);
        return event;
    }

    /** The room booked for the event caps its seats at the room's safe occupancy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roomBooked(UUID eventId, String venueId, String roomId, Integer safeOccupancy) {
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            return;
        }
        int seatsBefore = event.effectiveCapacity();
        event.venueId = venueId;
        event.roomId = roomId;
        event.roomSafeOccupancy = safeOccupancy;
        announceUpdate(event);
        if (event.effectiveCapacity() != seatsBefore) {
            waitingList.promoteWhileSeatsFree(event, Instant.now());
            announceHeadcount(event);
        }
    }

    /** The room was released: the room's cap no longer applies (the event's own capacity does). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roomReleased(UUID eventId, String roomId) {
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || roomId == null || !roomId.equals(event.roomId)) {
            return;
        }
        int seatsBefore = event.effectiveCapacity();
        event.roomSafeOccupancy = null;
        announceUpdate(event);
        if (event.effectiveCapacity() != seatsBefore) {
            waitingList.promoteWhileSeatsFree(event, Instant.now());
            announceHeadcount(event);
        }
    }

    public Event find(UUID eventId) {
        Event event = Event.findById(eventId);
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return event;
    }

    /** The event with its row locked: every change of its counts is serialised through this lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(UUID eventId) {
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return event;
    }

    /** Bumps the sequence and announces the event's counts; call after every change of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceHeadcount(Event event) {
        event.headcountSequence++;
        announceCurrentHeadcount(event);
    }

    /** Announces the counts under the sequence already set (the caller bumped it before flushing the event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceCurrentHeadcount(Event event) {
        outbox.append(RegistrationEvents.HEADCOUNT_CHANGED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.HeadcountChanged(event.id, event.headcountSequence, event.effectiveCapacity(),
                        event.confirmedCount, event.waitlistedCount, event.checkedInCount, event.noShowCount));
    }

    private void announceUpdate(Event event) {
        outbox.append(RegistrationEvents.EVENT_UPDATED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventUpdated(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity(), event.status.name(), event.venueId, event.roomId));
    }

    private static void requireNotCancelled(Event event) {
        if (event.status == EventStatus.CANCELLED) {
            throw ProblemException.conflict("event-cancelled", "event " + event.id + " was cancelled at "
                    + event.cancelledAt + " and can no longer change");
        }
    }

    private static void apply(Event event, EventTerms terms) {
        event.title = pick(terms.title(), event.title);
        event.description = pick(terms.description(), event.description);
        event.startsAt = pick(terms.startsAt(), event.startsAt);
        event.endsAt = pick(terms.endsAt(), event.endsAt);
        event.timeZone = pick(terms.timeZone(), event.timeZone);
        event.capacity = pick(terms.capacity(), event.capacity);
        event.registrationOpensAt = pick(terms.registrationOpensAt(), event.registrationOpensAt);
        event.registrationClosesAt = pick(terms.registrationClosesAt(), event.registrationClosesAt);
        event.cancellationDeadline = pick(terms.cancellationDeadline(), event.cancellationDeadline);
        event.lateCancellationPolicy = pick(terms.lateCancellationPolicy(), event.lateCancellationPolicy);
        event.venueId = pick(terms.venueId(), event.venueId);
        event.roomId = pick(terms.roomId(), event.roomId);
        validate(event);
    }

    private static void validate(Event event) {
        if (!event.endsAt.isAfter(event.startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        try {
            ZoneId.of(event.timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Stockholm");
        }
        if (event.registrationOpensAt != null && !event.registrationOpensAt.isBefore(event.registrationClosesAtOrStart())) {
            throw ProblemException.invalidField("registrationOpensAt",
                    "must be before registrationClosesAt (or the start when that is not set)");
        }
        if (event.registrationClosesAt != null && event.registrationClosesAt.isAfter(event.endsAt)) {
            throw ProblemException.invalidField("registrationClosesAt", "must not be after endsAt");
        }
        if (event.cancellationDeadline != null && event.cancellationDeadline.isAfter(event.endsAt)) {
            throw ProblemException.invalidField("cancellationDeadline", "must not be after endsAt");
        }
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
