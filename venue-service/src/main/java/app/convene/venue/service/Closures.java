package app.convene.venue.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.ClosureStatus;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;
import app.convene.venue.domain.VenueClosure;
import app.convene.venue.persistence.ClosureRepository;

/**
 * Closures of a venue or of one of its rooms (works, a strike, a public holiday, a failed inspection). A closure over
 * confirmed bookings is accepted and names them; their events' {@code room booked} check is not met while it holds.
 * A new booking that overlaps an active closure is refused ({@link #refuseIfClosed}). A booking and a closure of the
 * same venue never pass each other unseen: a booking holds the venue row shared, a closure exclusively, and each reads
 * the other's rows only under that lock (lock order: venue, then event).
 */
@ApplicationScoped
public class Closures {
    static final Duration LONGEST_CLOSURE = Duration.ofDays(366 * 3);

    @Inject
    VenueAccess access;
    @Inject
    Readiness readiness;
    @Inject
    VenueNotices notices;
    @Inject
    Clock clock;
    @Inject
    ClosureRepository repository;

    public record ClosureTerms(Instant from, Instant until, String reason, UUID roomId) {
    }

    /** A confirmed booking a closure overlaps; the event only when the caller may see it. */
    public record AffectedBooking(UUID bookingId, UUID eventId, UUID roomId, String roomName, Instant setupStartsAt,
            Instant teardownEndsAt) {
    }

    /** A closure with its room's name and the confirmed bookings it overlaps (none once withdrawn). */
    public record Closure(VenueClosure closure, String roomName, List<AffectedBooking> affectedBookings) {
    }

    @Transactional
    public Closure close(UUID venueId, ClosureTerms terms, String closedBy) {
        Venue venue = access.inCallersOrganisation(Venue.findById(venueId), "venue", venueId);
        if (!terms.until().isAfter(terms.from())) {
            throw ProblemException.invalidField("until", "must be after from");
        }
        if (!terms.until().isAfter(clock.instant())) {
            throw ProblemException.invalidField("until", "must be in the future: a closure that is over changes "
                    + "nothing");
        }
        if (Duration.between(terms.from(), terms.until()).compareTo(LONGEST_CLOSURE) > 0) {
            throw ProblemException.invalidField("until", "a closure lasts at most 1098 days (3 years)");
        }
        Room room = null;
        if (terms.roomId() != null) {
            room = Room.findById(terms.roomId());
            if (room == null || !room.venueId.equals(venue.id)) {
                throw new ProblemException(422, "room-not-of-venue", "Room is not of this venue",
                        "roomId: room " + terms.roomId() + " is not a room of venue " + venue.id,
                        List.of(new Problem.FieldError("roomId",
                                "is not a room of this venue")));
            }
        }
        // Bookings of the venue that began before this lock have committed (or rolled back) once it is held; those
        // that begin after it wait for this closure to commit and then see it.
        repository.lockVenueForClosure(venue.id);
        Venue.getEntityManager().refresh(venue);
        Venues.refuseIfRetired(venue);
        VenueClosure closure = new VenueClosure();
        closure.id = UUID.randomUUID();
        closure.organisation = venue.organisation;
        closure.venueId = venue.id;
        closure.roomId = terms.roomId();
        closure.startsAt = terms.from();
        closure.endsAt = terms.until();
        closure.reason = terms.reason();
        closure.status = ClosureStatus.ACTIVE;
        closure.closedBy = closedBy;
        closure.closedAt = clock.instant();
        closure.persistAndFlush();
        List<Booking> affected = repository.confirmedOverlapping(venue.id, closure.roomId, closure.startsAt,
                closure.endsAt);
        reassessEventsOf(affected);
        String roomName = room == null ? null : room.name;
        notices.closed(venue, closure, roomName);
        return new Closure(closure, roomName, describe(affected));
    }

    /**
     * The venue reopens for the closure's period: the closure is kept, withdrawn, and its bookings' events reassessed.
     * Withdrawing it again changes nothing and announces nothing.
     */
    @Transactional
    public Closure withdraw(UUID venueId, UUID closureId, String withdrawnBy) {
        Venue venue = access.inCallersOrganisation(Venue.findById(venueId), "venue", venueId);
        VenueClosure closure = VenueClosure.findById(closureId);
        if (closure == null || !closure.venueId.equals(venue.id)) {
            throw VenueAccess.notFound("closure", closureId);
        }
        repository.lockVenueForClosure(venue.id);
        repository.lockForUpdate(closure);
        String roomName = roomName(closure);
        if (closure.status == ClosureStatus.WITHDRAWN) {
            return new Closure(closure, roomName, List.of());
        }
        closure.status = ClosureStatus.WITHDRAWN;
        closure.withdrawnBy = withdrawnBy;
        closure.withdrawnAt = clock.instant();
        closure.persistAndFlush();
        List<Booking> affected = repository.confirmedOverlapping(venue.id, closure.roomId, closure.startsAt,
                closure.endsAt);
        reassessEventsOf(affected);
        notices.closureWithdrawn(venue, closure, roomName);
        return new Closure(closure, roomName, describe(affected));
    }

    /** The venue's closures overlapping [from, to) (unbounded when null; from defaults to now), by start. */
    public List<Closure> closures(UUID venueId, Instant from, Instant to, boolean withWithdrawn) {
        Venue venue = access.inCallersOrganisation(Venue.findById(venueId), "venue", venueId);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return repository.ofVenue(venue.id, from == null ? clock.instant() : from, to, withWithdrawn).stream()
                .map(c -> new Closure(c, roomName(c), c.status == ClosureStatus.ACTIVE
                        ? describe(repository.confirmedOverlapping(venue.id, c.roomId, c.startsAt, c.endsAt))
                        : List.of()))
                .toList();
    }

    /** One closure of the venue, as the list shows it (with the confirmed bookings it overlaps while active). */
    @Transactional
    public Closure closure(UUID venueId, UUID closureId) {
        Venue venue = access.inCallersOrganisation(Venue.findById(venueId), "venue", venueId);
        VenueClosure closure = VenueClosure.findById(closureId);
        if (closure == null || !closure.venueId.equals(venue.id)) {
            throw VenueAccess.notFound("closure", closureId);
        }
        return new Closure(closure, roomName(closure), closure.status == ClosureStatus.ACTIVE
                ? describe(repository.confirmedOverlapping(venue.id, closure.roomId, closure.startsAt,
                        closure.endsAt))
                : List.of());
    }

    /**
     * Refuses a booking of the room from setup to teardown that an active closure of the room or its venue overlaps.
     * The caller holds the venue row shared ({@link ClosureRepository#lockVenueForBooking}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseIfClosed(Room room, Instant setupStartsAt, Instant teardownEndsAt) {
        repository.activeOverlapping(room.venueId, room.id, setupStartsAt, teardownEndsAt).ifPresent(closure -> {
            throw ProblemException.conflict("venue-closed", "room '" + room.name + "' cannot be booked from "
                    + setupStartsAt + " to " + teardownEndsAt + " (setup to teardown): closure " + closure.id + ", "
                    + (closure.roomId == null ? "" : "room only, ") + closure.describe());
        });
    }

    /** Each affected event's readiness, one event at a time in id order (the venue is locked first). */
    private void reassessEventsOf(List<Booking> affected) {
        affected.stream().map(b -> b.eventId).distinct().sorted(Comparator.naturalOrder())
                .forEach(eventId -> readiness.reassess(readiness.lock(eventId)));
    }

    private List<AffectedBooking> describe(List<Booking> bookings) {
        return bookings.stream().map(b -> {
            Room room = Room.findById(b.roomId);
            boolean visible = access.canSee(b.eventId);
            return new AffectedBooking(visible ? b.id : null, visible ? b.eventId : null, b.roomId, room.name,
                    b.setupStartsAt, b.teardownEndsAt);
        }).toList();
    }

    private static String roomName(VenueClosure closure) {
        return closure.roomId == null ? null : Room.<Room>findById(closure.roomId).name;
    }
}
