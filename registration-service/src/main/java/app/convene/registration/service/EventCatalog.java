package app.convene.registration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import app.convene.registration.persistence.EventRepository;
import app.convene.registration.persistence.SessionRepository;
import app.convene.registration.travel.service.TravelNeeds;

/**
 * Schedules events, changes their terms, publishes and cancels them, and announces their headcount. The creator owns
 * the event, which belongs to the creator's organisation; its access is written to {@code event_access} and
 * announced with every event-scheduled and event-updated in the same transaction as the change.
 */
@ApplicationScoped
public class EventCatalog {
    /**
     * An event takes place between these instants and lasts at most {@link #LONGEST}. Everything that follows an
     * event's times (invitations with their time zone, hotel nights, briefings, the corporate schedule) works on
     * spans of days and years, not of millennia.
     */
    public static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST_END = Instant.parse("2200-01-01T00:00:00Z");
    public static final Duration LONGEST = Duration.ofDays(366);

    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    WaitingList waitingList;
    @Inject
    TravelNeeds travelNeeds;
    @Inject
    EventRepository repository;
    @Inject
    SessionRepository sessions;
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

    /** The terms an event may be without, by their names in {@link EventTerms}. */
    public static final Set<String> CLEARABLE = Set.of("description", "registrationOpensAt", "registrationClosesAt",
            "cancellationDeadline", "department");

    /** The terms of an event; on a change, null means "leave as it is". */
    public record EventTerms(String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            Instant cancellationDeadline, LateCancellationPolicy lateCancellationPolicy, String venueId,
            String roomId, Boolean confidential, String language, String department) {
    }

    /** The caller's new event: owned by the caller, in the caller's organisation, confidential when asked. */
    @Transactional
    public EventView schedule(EventTerms terms, EventStatus status) {
        EventAccess access = new EventAccess(caller.organisation(), caller.subject(),
                Boolean.TRUE.equals(terms.confidential()), List.of(), List.of());
        return schedule(terms, status, access, null, null);
    }

    /**
     * One occurrence of a meeting series: an ordinary event with the series' access (its owner's), which may be
     * scheduled without a caller (the series' horizon moving on).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventView scheduleOccurrence(EventTerms terms, EventAccess access, UUID seriesId,
            java.time.LocalDate occurrenceDate) {
        return schedule(terms, EventStatus.PUBLISHED, access, seriesId, occurrenceDate);
    }

    private EventView schedule(EventTerms terms, EventStatus status, EventAccess access, UUID seriesId,
            java.time.LocalDate occurrenceDate) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.status = status == null ? EventStatus.PUBLISHED : status;
        event.lateCancellationPolicy = LateCancellationPolicy.ACCEPT_LATE;
        event.createdAt = clock.instant();
        event.seriesId = seriesId;
        event.occurrenceDate = occurrenceDate;
        apply(event, terms);
        event.persist();
        accessStore.save(event.id, access);
        outbox.append(RegistrationEvents.EVENT_SCHEDULED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventScheduled(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity(), access, event.language));
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
        return change(eventId, changes, current -> {
        });
    }

    /**
     * As {@link #change(UUID, EventTerms)}, once {@code precondition} accepts the event as it stands, read under the
     * change's lock (it throws to refuse: say, an {@code If-Match} naming an earlier state).
     */
    @Transactional
    public EventView change(UUID eventId, EventTerms changes, java.util.function.Consumer<EventView> precondition) {
        return change(eventId, changes, Set.of(), precondition);
    }

    /**
     * As {@link #change(UUID, EventTerms, java.util.function.Consumer)}, and the terms named in {@code cleared} (of
     * {@link #CLEARABLE}) are taken away: no description, registration open from now or until the start, no
     * cancellation deadline, no department.
     */
    @Transactional
    public EventView change(UUID eventId, EventTerms changes, Set<String> cleared,
            java.util.function.Consumer<EventView> precondition) {
        Locked locked = lockForChange(eventId);
        Event event = locked.event();
        EventAccess access = locked.access();
        precondition.accept(view(event, access));
        int seatsBefore = event.effectiveCapacity();
        Instant startedAt = event.startsAt;
        Instant endedAt = event.endsAt;
        clear(event, cleared);
        apply(event, changes);
        keepSessionsWithin(event, startedAt, endedAt);
        if (changes.confidential() != null && changes.confidential() != access.confidential()) {
            access = new EventAccess(access.organisation(), access.owner(), changes.confidential(),
                    access.coOrganizers(), access.delegates());
            accessStore.save(eventId, access);
        }
        repository.occurrenceChanged(event);
        announceChange(event, access, seatsBefore);
        return view(event, access);
    }

    @Transactional
    public EventView publish(UUID eventId) {
        Locked locked = lockForChange(eventId);
        Event event = locked.event();
        EventAccess access = locked.access();
        if (event.status == EventStatus.DRAFT) {
            event.status = EventStatus.PUBLISHED;
            announceUpdate(event, access);
        }
        return view(event, access);
    }

    /** Calls the event off: no more registrations; existing ones are kept for the record. */
    @Transactional
    public EventView cancel(UUID eventId) {
        Locked locked = lockForChange(eventId);
        Event event = locked.event();
        EventAccess access = locked.access();
        event.status = EventStatus.CANCELLED;
        event.cancelledAt = clock.instant();
        repository.occurrenceChanged(event);
        outbox.append(RegistrationEvents.EVENT_CANCELLED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventCancelled(event.id, event.title, event.cancelledAt));
        announceUpdate(event, access);
        return view(event, access);
    }

    /** The room booked for the event caps its seats at the room's safe occupancy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roomBooked(UUID eventId, String venueId, String roomId, Integer safeOccupancy) {
        Event event = repository.lockForUpdate(eventId);
        if (event == null) {
            return;
        }
        int seatsBefore = event.effectiveCapacity();
        event.venueId = venueId;
        event.roomId = roomId;
        event.roomSafeOccupancy = safeOccupancy;
        announceChange(event, accessStore.find(event.id).orElse(null), seatsBefore);
    }

    /**
     * The room booked for the event was assessed again: its new safe occupancy caps the event's seats (lowered, it
     * un-confirms nobody and new arrivals wait; raised, those waiting are promoted). Ignored when the event no longer
     * holds that room.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookedRoomChanged(UUID eventId, String roomId, int safeOccupancy) {
        Event event = repository.lockForUpdate(eventId);
        if (event == null || !roomId.equals(event.roomId) || event.roomSafeOccupancy == null) {
            return;
        }
        int seatsBefore = event.effectiveCapacity();
        event.roomSafeOccupancy = safeOccupancy;
        announceChange(event, accessStore.find(event.id).orElse(null), seatsBefore);
    }

    /** The room was released: the room's cap no longer applies (the event's own capacity does). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roomReleased(UUID eventId, String roomId) {
        Event event = repository.lockForUpdate(eventId);
        if (event == null || roomId == null || !roomId.equals(event.roomId)) {
            return;
        }
        int seatsBefore = event.effectiveCapacity();
        event.roomSafeOccupancy = null;
        announceChange(event, accessStore.find(event.id).orElse(null), seatsBefore);
    }

    public Event find(UUID eventId) {
        return existing(Event.findById(eventId), eventId);
    }

    /** The event with its row locked: every change of its counts is serialised through this lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(UUID eventId) {
        return existing(repository.lockForUpdate(eventId), eventId);
    }

    private static Event existing(Event event, UUID eventId) {
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return event;
    }

    /** Announces the counts a placement left (its statement already bumped the sequence). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceHeadcount(UUID eventId, EventRepository.Placed placed) {
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

    /** An event with its row locked, and its access as it is under the lock (changes of access take the lock). */
    public record Locked(Event event, EventAccess access) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lockWithAccess(UUID eventId) {
        Event event = lock(eventId);
        return new Locked(event, accessStore.find(eventId).orElseThrow(() -> ProblemException.notFound("event",
                eventId)));
    }

    /** Checks the caller may change the event, locks it with its access, and refuses a cancelled one. */
    private Locked lockForChange(UUID eventId) {
        rules.change(eventId);
        Locked locked = lockWithAccess(eventId);
        requireNotCancelled(locked.event());
        return locked;
    }

    /**
     * Announces the event's terms; when its seats changed, seats added go to those waiting and the counts are
     * announced.
     */
    private void announceChange(Event event, EventAccess access, int seatsBefore) {
        announceUpdate(event, access);
        if (event.effectiveCapacity() != seatsBefore) {
            waitingList.promoteWhileSeatsFree(event, clock.instant());
            announceHeadcount(event);
            travelNeeds.announceIfChanged(event);
        }
    }

    /** Announces the event's terms and access (also when only its access changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceUpdate(Event event, EventAccess access) {
        outbox.append(RegistrationEvents.EVENT_UPDATED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventUpdated(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.effectiveCapacity(), event.status.name(), event.venueId, event.roomId,
                        access, event.language));
    }

    static void requireNotCancelled(Event event) {
        if (event.status == EventStatus.CANCELLED) {
            throw ProblemException.conflict("event-cancelled", "event " + event.id + " was cancelled at "
                    + event.cancelledAt + " and can no longer change");
        }
    }

    /**
     * An event moved as a whole (start and end by the same time) takes its sessions along; a change of its length
     * leaves them where they are. Either way none may then lie outside the event: 409, and nothing changes.
     */
    private void keepSessionsWithin(Event event, Instant startedAt, Instant endedAt) {
        Duration moved = Duration.between(startedAt, event.startsAt);
        if (moved.isZero() && endedAt.equals(event.endsAt)) {
            return;
        }
        if (!moved.isZero() && moved.equals(Duration.between(endedAt, event.endsAt))) {
            sessions.shift(event.id, moved);
        }
        sessions.firstOutside(event.id, event.startsAt, event.endsAt).ifPresent(session -> {
            throw ProblemException.conflict("session-outside-event", "session " + session.id + " (" + session.title
                    + ", " + session.startsAt + " to " + session.endsAt + ") would lie outside the event ("
                    + event.startsAt + " to " + event.endsAt + "); move or shorten it first, or move the event as a "
                    + "whole (startsAt and endsAt by the same time) to take its sessions along");
        });
    }

    private static void clear(Event event, Set<String> cleared) {
        for (String term : cleared) {
            switch (term) {
                case "description" -> event.description = null;
                case "registrationOpensAt" -> event.registrationOpensAt = null;
                case "registrationClosesAt" -> event.registrationClosesAt = null;
                case "cancellationDeadline" -> event.cancellationDeadline = null;
                case "department" -> event.department = null;
                default -> throw new IllegalArgumentException("an event is never without its " + term);
            }
        }
    }

    private static void apply(Event event, EventTerms terms) {
        event.title = pick(terms.title(), event.title);
        event.description = pick(terms.description(), event.description);
        event.startsAt = pick(terms.startsAt(), event.startsAt);
        event.endsAt = pick(terms.endsAt(), event.endsAt);
        if (terms.timeZone() != null && !terms.timeZone().equals(event.timeZone)) {
            // A new zone: one stored before this rule (a fixed offset) stays until a change names another.
            TimeZones.require("timeZone", terms.timeZone());
        }
        event.timeZone = pick(terms.timeZone(), event.timeZone);
        event.capacity = pick(terms.capacity(), event.capacity);
        event.registrationOpensAt = pick(terms.registrationOpensAt(), event.registrationOpensAt);
        event.registrationClosesAt = pick(terms.registrationClosesAt(), event.registrationClosesAt);
        event.cancellationDeadline = pick(terms.cancellationDeadline(), event.cancellationDeadline);
        event.lateCancellationPolicy = pick(terms.lateCancellationPolicy(), event.lateCancellationPolicy);
        event.venueId = pick(terms.venueId(), event.venueId);
        event.roomId = pick(terms.roomId(), event.roomId);
        event.language = pick(terms.language(), event.language);
        event.department = pick(terms.department(), event.department);
        validate(event);
    }

    private static void validate(Event event) {
        if (!event.endsAt.isAfter(event.startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (event.startsAt.isBefore(EARLIEST_START)) {
            throw ProblemException.invalidField("startsAt", "must not be before " + EARLIEST_START);
        }
        if (event.endsAt.isAfter(LATEST_END)) {
            throw ProblemException.invalidField("endsAt", "must not be after " + LATEST_END);
        }
        notBeforeEarliest("registrationOpensAt", event.registrationOpensAt);
        notBeforeEarliest("registrationClosesAt", event.registrationClosesAt);
        notBeforeEarliest("cancellationDeadline", event.cancellationDeadline);
        if (Duration.between(event.startsAt, event.endsAt).compareTo(LONGEST) > 0) {
            throw ProblemException.invalidField("endsAt", "must be at most " + LONGEST.toDays()
                    + " days after startsAt");
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

    private static void notBeforeEarliest(String field, Instant moment) {
        if (moment != null && moment.isBefore(EARLIEST_START)) {
            throw ProblemException.invalidField(field, "must not be before " + EARLIEST_START);
        }
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
