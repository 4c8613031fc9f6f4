package app.convene.registration.service;

import java.time.DateTimeException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;

/**
 * Schedules events, changes their terms, publishes and cancels them, and announces their headcount. The creator owns
 * the event, which belongs to the creator's organisation; its access is written to {@code event_access} and
 * announced with every event-scheduled and event-updated in the same transaction as the change.
 */
@ApplicationScoped
public class EventCatalog {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    WaitingList waitingList;
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessStore accessStore;
    @Inject
    EventAccessRules rules;
    @Inject
    Caller caller;

    /** An event, whether it is confidential, and its access when the caller may see that (staff; null otherwise). */
    public record EventView(Event event, boolean confidential, EventAccess access) {
    }

    /** The event as the caller is shown it: attendees do not see who has access. */
    public EventView view(Event event, EventAccess access) {
        return new EventView(event, access.confidential(), rules.shown(access));
    }

    /** The terms of an event; on a change, null means "leave as it is". */
    public record EventTerms(String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            Instant cancellationDeadline, LateCancellationPolicy lateCancellationPolicy, String venueId,
            String roomId, Boolean confidential) {
    }

    /** The caller's new event: owned by the caller, in the caller's organisation, confidential when asked. */
    @Transactional
    public EventView schedule(EventTerms terms, EventStatus status) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.status = status == null ? EventStatus.PUBLISHED : status;
        event.lateCancellationPolicy = LateCancellationPolicy.ACCEPT_LATE;
        event.createdAt = clock.instant();
        apply(event, terms);
        event.persist();
        EventAccess access = new EventAccess(caller.organisation(), caller.subject(),
                Boolean.TRUE.equals(terms.confidential()), List.of(), List.of());
        accessStore.save(event.id, access);
        outbox.append(RegistrationEvents.EVENT_SCHEDULED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventScheduled(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity(), access));
        announceHeadcount(event);
        return view(event, access);
    }

    /** The event, when the caller may read it. */
    public EventView read(UUID eventId) {
        EventAccess access = rules.read(eventId);
        return view(find(eventId), access);
    }

    /**
     * Changes an event's terms. Lowering the capacity below the confirmed count un-confirms nobody (new arrivals
     * wait); raising it promotes from the waiting list at once.
     */
    @Transactional
    public EventView change(UUID eventId, EventTerms changes) {
        rules.change(eventId);
        Event event = lock(eventId);
        EventAccess access = currentAccess(eventId);
        requireNotCancelled(event);
        int seatsBefore = event.effectiveCapacity();
        apply(event, changes);
        if (changes.confidential() != null && changes.confidential() != access.confidential()) {
            access = new EventAccess(access.organisation(), access.owner(), changes.confidential(),
                    access.coOrganizers(), access.delegates());
            accessStore.save(eventId, access);
        }
        announceUpdate(event, access);
        if (event.effectiveCapacity() != seatsBefore) {
            waitingList.promoteWhileSeatsFree(event, clock.instant());
            announceHeadcount(event);
        }
        return view(event, access);
    }

    @Transactional
    public EventView publish(UUID eventId) {
        rules.change(eventId);
        Event event = lock(eventId);
        EventAccess access = currentAccess(eventId);
        requireNotCancelled(event);
        if (event.status == EventStatus.DRAFT) {
            event.status = EventStatus.PUBLISHED;
            announceUpdate(event, access);
        }
        return view(event, access);
    }

    /** Calls the event off: no more registrations; existing ones are kept for the record. */
    @Transactional
    public EventView cancel(UUID eventId) {
        rules.change(eventId);
        Event event = lock(eventId);
        EventAccess access = currentAccess(eventId);
        requireNotCancelled(event);
        event.status = EventStatus.CANCELLED;
        event.cancelledAt = clock.instant();
        outbox.append(RegistrationEvents.EVENT_CANCELLED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventCancelled(event.id, event.title, event.cancelledAt));
        announceUpdate(event, access);
        return view(event, access);
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
            waitingList.promoteWhileSeatsFree(event, clock.instant());
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
            waitingList.promoteWhileSeatsFree(event, clock.instant());
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

    /** The event as it is now in the database, after a statement changed its row behind the entity's back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event reread(Event event) {
        entityManager.refresh(event);
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

    /**
     * The event's counts right after arrivals were placed. {@code seated} says whether they took seats or joined the
     * waiting list; the arrivals hold the last places of the counts (waiting-list ranks up to
     * {@code waitlistCounter}, positions up to {@code waitlisted}).
     */
    public record Placed(boolean seated, int confirmed, int waitlisted, long waitlistCounter, long headcountSequence,
            int checkedIn, int noShows, int effectiveCapacity) {
    }

    /**
     * Places {@code arrivals} people together in one atomic statement: all seated when that many seats are free and
     * nobody waits (arrivals never jump the waiting list), otherwise all on the waiting list. The statement takes the
     * event's row lock, held until commit, so placements are decided one at a time, on the row as it is when the lock
     * is granted, and never exceed the seats.
     * Empty when the event is not open for them any more (cancelled, or the registration window closed, unless
     * {@code anyTime}) since the caller checked it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Placed> place(UUID eventId, int arrivals, Instant now, boolean anyTime) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update event set
                    confirmed_count = confirmed_count + case when confirmed_count + :arrivals <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then :arrivals else 0 end,
                    waitlisted_count = waitlisted_count + case when confirmed_count + :arrivals <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then 0 else :arrivals end,
                    waitlist_counter = waitlist_counter + case when confirmed_count + :arrivals <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then 0 else :arrivals end,
                    headcount_sequence = headcount_sequence + 1
                where id = :id and status = 'PUBLISHED'
                  and (:anyTime or ((registration_opens_at is null or registration_opens_at <= :now)
                                    and :now < coalesce(registration_closes_at, starts_at)))
                returning confirmed_count, waitlisted_count, waitlist_counter, headcount_sequence, checked_in_count,
                          no_show_count, least(capacity, coalesce(room_safe_occupancy, capacity))
                """)
                .setParameter("arrivals", arrivals).setParameter("id", eventId).setParameter("anyTime", anyTime)
                .setParameter("now", now).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        int waitlisted = ((Number) row[1]).intValue();
        // Seated arrivals leave the waiting list as they found it: empty. Waitlisted ones are on it.
        return Optional.of(new Placed(waitlisted == 0, ((Number) row[0]).intValue(), waitlisted,
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue(), ((Number) row[6]).intValue()));
    }

    /** Announces the counts a placement left (its statement already bumped the sequence). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceHeadcount(UUID eventId, Placed placed) {
        outbox.append(RegistrationEvents.HEADCOUNT_CHANGED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, placed.headcountSequence(), placed.effectiveCapacity(),
                        placed.confirmed(), placed.waitlisted(), placed.checkedIn(), placed.noShows()));
    }

    /** Bumps the sequence and announces the event's counts; call after every change of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceHeadcount(Event event) {
        event.headcountSequence++;
        outbox.append(RegistrationEvents.HEADCOUNT_CHANGED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.HeadcountChanged(event.id, event.headcountSequence, event.effectiveCapacity(),
                        event.confirmedCount, event.waitlistedCount, event.checkedInCount, event.noShowCount));
    }

    private void announceUpdate(Event event) {
        announceUpdate(event, accessStore.find(event.id).orElse(null));
    }

    /** The event's access as it is under the event's row lock (changes of access take the same lock). */
    private EventAccess currentAccess(UUID eventId) {
        return accessStore.find(eventId).orElseThrow(() -> ProblemException.notFound("event", eventId));
    }

    /** Announces the event's terms and access (also when only its access changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceUpdate(Event event, EventAccess access) {
        outbox.append(RegistrationEvents.EVENT_UPDATED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventUpdated(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity(), event.status.name(), event.venueId, event.roomId,
                        access));
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
