package app.convene.venue.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.CheckStatus;
import app.convene.venue.domain.EventReadiness;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.VenueClosure;
import app.convene.venue.persistence.BookingRepository;
import app.convene.venue.persistence.ClosureRepository;
import app.convene.venue.persistence.EventReadinessRepository;

/**
 * Assesses whether an event is ready, check by check, and announces every change of the overall state. Whatever
 * changes a check (a booking, a headcount, an inspection, a certificate) calls {@link #reassess(UUID)} in its own
 * transaction, so the change and its announcement commit together.
 */
@ApplicationScoped
public class Readiness {
    public static final String ROOM_BOOKED = "room booked";
    public static final String HEADCOUNT_WITHIN_SAFE_OCCUPANCY = "headcount within safe occupancy";

    @Inject
    Outbox outbox;
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    Instance<ReadinessCheck> extraChecks;
    @Inject
    EventReadinessRepository repository;
    @Inject
    BookingRepository bookings;
    @Inject
    ClosureRepository closures;

    public record Check(String name, CheckStatus status, String reason) {
    }

    /** A check contributed by another part of the service (checklists, inspections, insurance). */
    public interface ReadinessCheck {
        /** Checks in the order they are shown; lower first. */
        int order();

        List<Check> assess(EventReadiness event, Optional<Booking> booking);
    }

    public record Assessment(EventReadiness event, boolean ready, List<Check> checks) {
        public String reason() {
            return checks.stream().filter(c -> c.status() != CheckStatus.MET).map(Check::reason).findFirst()
                    .orElse("every check is met");
        }
    }

    /** Something the checks depend on changed for this event: announce what flipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassess(UUID eventId) {
        reassess(findOrCreate(eventId));
    }

    /**
     * The event's row, created if unknown and locked until the transaction ends. Whatever changes an event's
     * booking or terms takes this lock first (then the booking's), so those changes run one after another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventReadiness lock(UUID eventId) {
        return findOrCreate(eventId);
    }

    /** The readiness of an event the caller may see. */
    public Assessment assess(UUID eventId) {
        access.read(eventId, "event", eventId);
        EventReadiness event = EventReadiness.findById(eventId);
        if (event == null) {
            throw VenueAccess.notFound("event", eventId);
        }
        return assess(event);
    }

    private Assessment assess(EventReadiness event) {
        return assess(event, bookings.confirmedFor(event.eventId));
    }

    private Assessment assess(EventReadiness event, Optional<Booking> booking) {
        List<Check> checks = new ArrayList<>();
        checks.add(roomBooked(event, booking));
        checks.add(headcountWithinSafeOccupancy(event, booking));
        extraChecks.stream().sorted(java.util.Comparator.comparingInt(ReadinessCheck::order))
                .forEach(check -> checks.addAll(check.assess(event, booking)));
        boolean ready = checks.stream().allMatch(c -> c.status() == CheckStatus.MET);
        return new Assessment(event, ready, checks);
    }

    private Check roomBooked(EventReadiness event, Optional<Booking> booking) {
        if (booking.isEmpty()) {
            return new Check(ROOM_BOOKED, CheckStatus.NOT_MET, event.cancelledAt != null
                    ? "the event was cancelled at " + event.cancelledAt + "; it holds no room"
                    : "no room is booked for the event");
        }
        Booking b = booking.get();
        Room room = Room.findById(b.roomId);
        if (event.startsAt != null && event.endsAt != null
                && (b.startsAt.isAfter(event.startsAt) || b.endsAt.isBefore(event.endsAt))) {
            return new Check(ROOM_BOOKED, CheckStatus.NOT_MET, "booking " + b.id + " holds room '" + room.name
                    + "' from " + b.startsAt + " to " + b.endsAt + ", which no longer covers the event ("
                    + event.startsAt + " to " + event.endsAt + "); cancel it and book the room for the new times");
        }
        Optional<VenueClosure> closed = closures.activeOverlapping(room.venueId, room.id, b.setupStartsAt,
                b.teardownEndsAt);
        if (closed.isPresent()) {
            return new Check(ROOM_BOOKED, CheckStatus.NOT_MET, closed.get().describe());
        }
        return new Check(ROOM_BOOKED, CheckStatus.MET, "room '" + room.name + "' is booked from "
                + b.setupStartsAt + " to " + b.teardownEndsAt + " (booking " + b.id + ")");
    }

    private static Check headcountWithinSafeOccupancy(EventReadiness event, Optional<Booking> booking) {
        if (booking.isEmpty()) {
            return new Check(HEADCOUNT_WITHIN_SAFE_OCCUPANCY, CheckStatus.UNKNOWN,
                    event.expectedHeadcount() + " expected; safe occupancy unknown until a room is booked");
        }
        Room room = Room.findById(booking.get().roomId);
        if (event.expectedHeadcount() > room.safeOccupancy) {
            return new Check(HEADCOUNT_WITHIN_SAFE_OCCUPANCY, CheckStatus.NOT_MET, "safety at risk: "
                    + event.expectedHeadcount() + " expected, room '" + room.name + "' safely holds "
                    + room.safeOccupancy);
        }
        return new Check(HEADCOUNT_WITHIN_SAFE_OCCUPANCY, CheckStatus.MET, event.expectedHeadcount()
                + " expected, room '" + room.name + "' safely holds " + room.safeOccupancy);
    }

    /**
     * Announces the overall state when it is first known and whenever it flips; likewise safety at risk. The event
     * must be locked ({@link #lock(UUID)}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassess(EventReadiness event) {
        event.updatedAt = clock.instant();
        // The booking is read once for the checks and the safety announcement alike.
        Optional<Booking> booking = bookings.confirmedFor(event.eventId);
        Assessment assessment = assess(event, booking);
        announceSafety(event, booking);
        announceChecks(event, assessment);
        if (event.ready == null || event.ready != assessment.ready()) {
            event.ready = assessment.ready();
            outbox.append(VenueEvents.READINESS_CHANGED, VenueEvents.AGGREGATE, event.eventId,
                    new VenueEvents.ReadinessChanged(event.eventId, assessment.ready(), assessment.reason()));
        }
    }

    /**
     * Announces every check's status when any one of them changed since the last announcement (kept on the event's
     * row, with the sequence of the announcements), so a reader knows each check, not only the first failing one.
     */
    private void announceChecks(EventReadiness event, Assessment assessment) {
        String statuses = String.join("\n", assessment.checks().stream()
                .map(c -> c.name() + "=" + c.status()).toList());
        if (statuses.equals(event.assessedChecks)) {
            return;
        }
        event.assessedChecks = statuses;
        event.assessmentSequence++;
        outbox.append(VenueEvents.READINESS_ASSESSED, VenueEvents.AGGREGATE, event.eventId,
                new VenueEvents.ReadinessAssessed(event.eventId, event.assessmentSequence, assessment.ready(),
                        assessment.checks().stream().map(c -> new VenueEvents.CheckAssessed(c.name(),
                                c.status().name(), c.reason())).toList(), event.updatedAt));
    }

    private void announceSafety(EventReadiness event, Optional<Booking> booking) {
        Room room = booking.map(b -> Room.<Room>findById(b.roomId)).orElse(null);
        boolean atRisk = room != null && event.expectedHeadcount() > room.safeOccupancy;
        if (atRisk && !event.safetyAtRisk) {
            outbox.append(VenueEvents.SAFETY_AT_RISK, VenueEvents.SAFETY_AGGREGATE, event.eventId,
                    new VenueEvents.SafetyAtRisk(event.eventId, booking.get().id, room.id, event.expectedHeadcount(),
                            room.safeOccupancy));
        } else if (!atRisk && event.safetyAtRisk) {
            outbox.append(VenueEvents.SAFETY_RESTORED, VenueEvents.SAFETY_AGGREGATE, event.eventId,
                    new VenueEvents.SafetyRestored(event.eventId, booking.map(b -> b.id).orElse(null),
                            event.expectedHeadcount(), room == null ? null : room.safeOccupancy));
        }
        event.safetyAtRisk = atRisk;
    }

    /** The event's row, locked: every reassessment of one event runs one after another. */
    private EventReadiness findOrCreate(UUID eventId) {
        return repository.lockOrCreate(eventId, clock.instant());
    }
}
