package app.convene.venue.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.money.Money;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.Constraints;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.BookingStatus;
import app.convene.venue.domain.EventReadiness;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;
import app.convene.venue.persistence.BookingRepository;
import app.convene.venue.persistence.ClosureRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Books rooms for events. Two confirmed bookings of one room never overlap from setup to teardown: bookings of one
 * room take their turn on the room's row lock, the check under it names the booking in the way, and the exclusion
 * constraint {@code booking_no_overlap} refuses whatever is written past the service.
 */
@ApplicationScoped
public class Bookings {
    static final Duration LONGEST_BOOKING = Duration.ofDays(31);

    @Inject
    Outbox outbox;
    @Inject
    Readiness readiness;
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    BookingRepository repository;
    @Inject
    VenueNotices notices;
    @Inject
    ClosureRepository closures;
    @Inject
    Closures closureRules;
    @Inject
    Checklists checklists;

    public record BookingTerms(UUID roomId, UUID eventId, Instant startsAt, Instant endsAt, int setupMinutes,
            int teardownMinutes, BigDecimal priceAmount, String priceCurrency) {
    }

    /** What changes of a confirmed booking; a null keeps the booking's. */
    public record BookingChange(UUID roomId, Instant startsAt, Instant endsAt, Integer setupMinutes,
            Integer teardownMinutes, BigDecimal priceAmount, String priceCurrency) {
    }

    @Transactional
    public Booking book(BookingTerms terms, String bookedBy) {
        requireSpan(terms.startsAt(), terms.endsAt());
        BigDecimal price = terms.priceAmount() == null ? null
                : Money.checked("price", terms.priceAmount(), terms.priceCurrency());
        Room room = access.inCallersOrganisation(Room.findById(terms.roomId()), "room", terms.roomId());
        requireChangeable(terms.eventId());
        // The venue first (shared: bookings run side by side, a closure of the venue waits for them or they for it),
        // then the event, then the room: the order every writer takes these locks in.
        closures.lockVenueForBooking(room.venueId);
        // Locked: a cancellation or a new schedule of the event waits for this booking, or this booking for it.
        EventReadiness event = readiness.lock(terms.eventId());
        // Again under the lock, which registration's changes of the event (and of its access) hold until they commit:
        // the check before it kept an unknown or foreign event from getting a row, this one decides.
        requireChangeable(terms.eventId());
        // Last, the room: one booking of it at a time from here to commit, so the check below sees every booking
        // committed before it and names the one in the way.
        refuseIfRetired(room, repository.lockRoomForBooking(room.id));
        if (event.cancelledAt != null) {
            throw ProblemException.conflict("event-cancelled", "event " + event.eventId + " was cancelled at "
                    + event.cancelledAt + " and needs no room");
        }
        requireCovers(event, terms.startsAt(), terms.endsAt());
        repository.confirmedFor(terms.eventId()).ifPresent(existing -> {
            throw eventAlreadyBooked(existing);
        });
        Instant setupStartsAt = terms.startsAt().minus(Duration.ofMinutes(terms.setupMinutes()));
        Instant teardownEndsAt = terms.endsAt().plus(Duration.ofMinutes(terms.teardownMinutes()));
        repository.confirmedOverlapping(room.id, setupStartsAt, teardownEndsAt).ifPresent(inTheWay -> {
            throw roomTaken(room, inTheWay, access.canSee(inTheWay.eventId));
        });
        closureRules.refuseIfClosed(room, setupStartsAt, teardownEndsAt);

        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.organisation = room.organisation;
        booking.roomId = room.id;
        booking.eventId = terms.eventId();
        booking.startsAt = terms.startsAt();
        booking.endsAt = terms.endsAt();
        booking.setupStartsAt = setupStartsAt;
        booking.teardownEndsAt = teardownEndsAt;
        booking.priceAmount = price;
        booking.priceCurrency = price == null ? null : terms.priceCurrency();
        booking.status = BookingStatus.CONFIRMED;
        booking.bookedBy = bookedBy;
        booking.bookedAt = clock.instant();
        try {
            booking.persistAndFlush();
        } catch (PersistenceException e) {
            throw settleRace(e, room, booking);
        }

        announceConfirmed(booking, room);
        notices.bookingConfirmed(booking);
        readiness.reassess(event);
        return booking;
    }

    /**
     * Moves a confirmed booking to other times and/or another room of the organisation, or prices it anew, in place:
     * the same booking, checked as a new one would be (the room free from setup to teardown but for this booking, not
     * closed, the event's times covered). Its checklists' items fall due as far earlier or later as the start moved;
     * in another room they are to be inspected again (outcomes and sign-off cleared: an inspection of one room says
     * nothing of another). Announced as the booking confirmed again, with its new terms, so registration, budget and
     * notification take the new room, safe occupancy and price where they took the first; the venue's subscribed
     * partners hear of the move (of another venue: the first venue's of a cancellation, the second's of a booking).
     * A change that changes nothing announces nothing.
     */
    @Transactional
    public Booking change(UUID bookingId, BookingChange change) {
        Booking booking = access.inCallersOrganisation(Booking.findById(bookingId), "booking", bookingId);
        BigDecimal newPrice = change.priceAmount() == null ? null
                : Money.checked("price", change.priceAmount(), change.priceCurrency());
        Room room = change.roomId() == null ? Room.findById(booking.roomId)
                : access.inCallersOrganisation(Room.findById(change.roomId()), "room", change.roomId());
        // The order a new booking takes its locks in: the venue (shared), the event, the room, then the booking.
        closures.lockVenueForBooking(room.venueId);
        EventReadiness event = readiness.lock(booking.eventId);
        access.change(booking.eventId, "booking", bookingId, Roles.FACILITY);
        Instant roomRetiredAt = repository.lockRoomForBooking(room.id);
        repository.lockForUpdate(booking);
        if (booking.status == BookingStatus.CANCELLED) {
            throw ProblemException.conflict("booking-cancelled", "booking " + bookingId + " was cancelled at "
                    + booking.cancelledAt + "; book the room again instead");
        }
        if (change.roomId() == null && !booking.roomId.equals(room.id)) {
            // Moved to another room by a change that committed while this one read the booking: its locks were
            // taken for the room it was in, so it is asked again rather than applied to a room it did not lock.
            throw ProblemException.conflict("booking-changed", "booking " + bookingId + " was moved to another room "
                    + "meanwhile; read it again and repeat the change");
        }
        // As committed now, under the booking's lock: what the change leaves out stays as it is now.
        BigDecimal price = newPrice == null ? booking.priceAmount : newPrice;
        String priceCurrency = newPrice == null ? booking.priceCurrency : change.priceCurrency();
        Instant startsAt = change.startsAt() == null ? booking.startsAt : change.startsAt();
        Instant endsAt = change.endsAt() == null ? booking.endsAt : change.endsAt();
        requireSpan(startsAt, endsAt);
        long setupMinutes = change.setupMinutes() != null ? change.setupMinutes()
                : Duration.between(booking.setupStartsAt, booking.startsAt).toMinutes();
        long teardownMinutes = change.teardownMinutes() != null ? change.teardownMinutes()
                : Duration.between(booking.endsAt, booking.teardownEndsAt).toMinutes();
        Instant setupStartsAt = startsAt.minus(Duration.ofMinutes(setupMinutes));
        Instant teardownEndsAt = endsAt.plus(Duration.ofMinutes(teardownMinutes));
        boolean roomChanged = !room.id.equals(booking.roomId);
        boolean moved = roomChanged || !setupStartsAt.equals(booking.setupStartsAt)
                || !teardownEndsAt.equals(booking.teardownEndsAt) || !startsAt.equals(booking.startsAt)
                || !endsAt.equals(booking.endsAt);
        boolean repriced = !java.util.Objects.equals(priceCurrency, booking.priceCurrency)
                || (price == null ? booking.priceAmount != null
                        : booking.priceAmount == null || price.compareTo(booking.priceAmount) != 0);
        if (!moved && !repriced) {
            return booking;
        }
        if (moved) {
            if (roomChanged) {
                refuseIfRetired(room, roomRetiredAt);
            }
            requireCovers(event, startsAt, endsAt);
            repository.confirmedOverlapping(room.id, setupStartsAt, teardownEndsAt, booking.id).ifPresent(inTheWay -> {
                throw roomTaken(room, inTheWay, access.canSee(inTheWay.eventId));
            });
            closureRules.refuseIfClosed(room, setupStartsAt, teardownEndsAt);
        }
        Booking before = copyOf(booking);
        Duration shift = Duration.between(booking.startsAt, startsAt);
        booking.roomId = room.id;
        booking.startsAt = startsAt;
        booking.endsAt = endsAt;
        booking.setupStartsAt = setupStartsAt;
        booking.teardownEndsAt = teardownEndsAt;
        booking.priceAmount = price;
        booking.priceCurrency = price == null ? null : priceCurrency;
        try {
            booking.persistAndFlush();
        } catch (PersistenceException e) {
            throw settleRace(e, room, booking);
        }
        checklists.bookingMoved(booking, shift, roomChanged);

        announceConfirmed(booking, room);
        if (moved) {
            Room previousRoom = Room.findById(before.roomId);
            if (previousRoom.venueId.equals(room.venueId)) {
                notices.bookingMoved(booking);
            } else {
                notices.bookingCancelled(before, "moved to another venue");
                notices.bookingConfirmed(booking);
            }
        }
        readiness.reassess(event);
        return booking;
    }

    /** The booking's terms as they are now, announced as venue.booking-confirmed.v1 (on booking and on each change). */
    private void announceConfirmed(Booking booking, Room room) {
        Venue venue = Venue.findById(room.venueId);
        outbox.append(VenueEvents.BOOKING_CONFIRMED, VenueEvents.BOOKING_AGGREGATE, booking.eventId,
                new VenueEvents.BookingConfirmed(booking.eventId, booking.id, venue.id, venue.name, room.id, room.name,
                        booking.startsAt, booking.endsAt, booking.setupStartsAt, booking.teardownEndsAt,
                        room.safeOccupancy, booking.priceAmount == null ? null
                                : new VenueEvents.Price(booking.priceAmount, booking.priceCurrency)));
    }

    static void refuseIfRetired(Room room, Instant retiredAt) {
        if (retiredAt != null) {
            throw ProblemException.conflict("room-retired", "room '" + room.name + "' was retired at " + retiredAt
                    + " and is no longer booked; choose another room");
        }
    }

    private static Booking copyOf(Booking booking) {
        Booking copy = new Booking();
        copy.id = booking.id;
        copy.organisation = booking.organisation;
        copy.roomId = booking.roomId;
        copy.eventId = booking.eventId;
        copy.startsAt = booking.startsAt;
        copy.endsAt = booking.endsAt;
        copy.setupStartsAt = booking.setupStartsAt;
        copy.teardownEndsAt = booking.teardownEndsAt;
        return copy;
    }

    private static void requireSpan(Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_BOOKING) > 0) {
            throw ProblemException.invalidField("endsAt", "a booking lasts at most 31 days");
        }
    }

    private static void requireCovers(EventReadiness event, Instant startsAt, Instant endsAt) {
        if (event.startsAt != null && event.endsAt != null
                && (startsAt.isAfter(event.startsAt) || endsAt.isBefore(event.endsAt))) {
            throw new ProblemException(422, "booking-does-not-cover-event", "Booking does not cover the event",
                    "event " + event.eventId + " runs from " + event.startsAt + " to " + event.endsAt
                            + "; the booking must cover that time");
        }
    }

    /**
     * Only the event's owner, co-organizers and delegates, or facility (for the whole organisation), book a room for
     * it. An event venue has not heard of yet (registration announces it moments after scheduling it) cannot be
     * checked, so it is refused as not found, in the same words as one of another organisation or one the caller
     * may not see; the client books again once venue knows it.
     */
    private void requireChangeable(UUID eventId) {
        try {
            access.change(eventId, "event", eventId, Roles.FACILITY);
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw new ProblemException(404, "not-found", "Not found", "event " + eventId + " is not known yet, or "
                    + "not in your organisation, or not visible to you; venue learns of an event from registration "
                    + "moments after it is scheduled, so book again shortly if it was just scheduled");
        }
    }

    @Transactional
    public Booking cancel(UUID bookingId, String reason) {
        Booking booking = access.inCallersOrganisation(Booking.findById(bookingId), "booking", bookingId);
        // The event first, then the booking: the order every writer of an event's booking takes its locks in. The
        // access is checked under the event's lock, so a change of it by registration is either seen or waits.
        EventReadiness event = readiness.lock(booking.eventId);
        access.change(booking.eventId, "booking", bookingId, Roles.FACILITY);
        repository.lockForUpdate(booking);
        if (booking.status == BookingStatus.CANCELLED) {
            throw ProblemException.conflict("booking-cancelled", "booking " + bookingId + " was already cancelled at "
                    + booking.cancelledAt);
        }
        release(booking, reason);
        readiness.reassess(event);
        return booking;
    }

    /**
     * The event no longer needs a room: its confirmed booking, if any, is cancelled and announced. The caller holds
     * the event's lock ({@link Readiness#lock(UUID)}) and reassesses readiness afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Booking> releaseRoomOf(EventReadiness lockedEvent, String reason) {
        Optional<Booking> confirmed = repository.confirmedFor(lockedEvent.eventId);
        confirmed.ifPresent(repository::lockForUpdate);
        Optional<Booking> released = confirmed.filter(booking -> booking.status == BookingStatus.CONFIRMED);
        released.ifPresent(booking -> release(booking, reason));
        return released;
    }

    private void release(Booking booking, String reason) {
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = clock.instant();
        booking.cancellationReason = reason;
        outbox.append(VenueEvents.BOOKING_CANCELLED, VenueEvents.BOOKING_AGGREGATE, booking.eventId,
                new VenueEvents.BookingCancelled(booking.eventId, booking.id, booking.roomId, reason));
        notices.bookingCancelled(booking, reason);
    }

    /** A booking of the caller's organisation whose event the caller may see. */
    public Booking booking(UUID bookingId) {
        Booking booking = access.inCallersOrganisation(Booking.findById(bookingId), "booking", bookingId);
        access.read(booking.eventId, "booking", bookingId);
        return booking;
    }

    /** Most bookings in one page of a room's bookings. */
    public static final int MAX_PAGE = 500;

    /** A page of a room's bookings, and the booking the next page starts after (null on the last page). */
    public record Page(List<Booking> bookings, UUID next) {
    }

    /**
     * A page of the room's bookings whose events the caller may see (a confidential event's booking only to its
     * members), by setup time, those whose setup to teardown overlaps [{@code from}, {@code to}) where either is given,
     * after the booking {@code after} (the previous page's {@code next}) when given.
     */
    public Page bookingsOf(UUID roomId, Instant from, Instant to, UUID after, int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        Room room = access.inCallersOrganisation(Room.findById(roomId), "room", roomId);
        Booking cursor = after == null ? null : repository.ofRoom(roomId, room.organisation, after)
                .orElseThrow(() -> ProblemException.invalidField("after",
                        "must be the id of a booking of this room, as the previous page's next gives it"));
        Slice<Booking> page = Slice.of(repository.visibleOfRoom(roomId, room.organisation, from, to, cursor,
                limit + 1), limit);
        return new Page(page.rows(), page.next(b -> b.id));
    }

    /**
     * Another transaction committed a booking that this insert collides with. This transaction can no longer read,
     * so the booking in the way is looked up in a fresh one: it has committed, or the constraint would not have fired.
     */
    private RuntimeException settleRace(PersistenceException e, Room room, Booking refused) {
        Optional<String> constraint = Constraints.violated(e);
        if (constraint.filter(Booking.NO_OVERLAP::equals).isPresent()) {
            return QuarkusTransaction.requiringNew().call(() -> repository
                    .confirmedOverlapping(room.id, refused.setupStartsAt, refused.teardownEndsAt)
                    .map(inTheWay -> roomTaken(room, inTheWay, access.canSee(inTheWay.eventId)))
                    .orElseGet(() -> ProblemException.conflict("room-taken", "room '" + room.name
                            + "' was taken by a concurrent booking at that time")));
        }
        if (constraint.filter(Booking.ONE_PER_EVENT::equals).isPresent()) {
            return QuarkusTransaction.requiringNew().call(() -> repository.confirmedFor(refused.eventId)
                    .map(Bookings::eventAlreadyBooked)
                    .orElseGet(() -> ProblemException.conflict("event-already-booked", "event " + refused.eventId
                            + " was given a room by a concurrent booking")));
        }
        return e;
    }

    /** Names the booking in the way only to someone who may see its event (a confidential one stays unnamed). */
    private static ProblemException roomTaken(Room room, Booking inTheWay, boolean callerSeesItsEvent) {
        return ProblemException.conflict("room-taken", "room '" + room.name + "' is taken from "
                + inTheWay.setupStartsAt + " to " + inTheWay.teardownEndsAt + " (setup to teardown) by "
                + (callerSeesItsEvent ? "booking " + inTheWay.id + " for event " + inTheWay.eventId
                        : "a booking of an event you may not see"));
    }

    private static ProblemException eventAlreadyBooked(Booking existing) {
        return ProblemException.conflict("event-already-booked", "event " + existing.eventId
                + " already holds room " + existing.roomId + " with booking " + existing.id
                + "; move it (PATCH /api/bookings/" + existing.id + ") or cancel it before booking another room");
    }
}
