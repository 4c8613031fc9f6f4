package app.convene.venue.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.BookingStatus;

/** Reads and locks the rooms' bookings ({@code booking}). */
@ApplicationScoped
public class BookingRepository {
    /**
     * Written as the exclusion constraint {@value Booking#NO_OVERLAP} is (same room, same range expression,
     * {@code &&}, and its predicate {@code status = 'CONFIRMED'} as a literal), so PostgreSQL answers it from the
     * constraint's GiST index, whatever the plan (a bound status would keep a generic plan off that partial index).
     */
    static final String CONFIRMED_OVERLAPPING = """
            select * from booking
            where room_id = :roomId and status = 'CONFIRMED'
              and tstzrange(setup_starts_at, teardown_ends_at, '[)')
                  && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz), '[)')
            order by setup_starts_at
            """;

    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /** The confirmed booking of the room whose setup-to-teardown time overlaps [from, until), if any. */
    public Optional<Booking> confirmedOverlapping(UUID roomId, Instant from, Instant until) {
        @SuppressWarnings("unchecked")
        List<Booking> inTheWay = entityManager.createNativeQuery(CONFIRMED_OVERLAPPING, Booking.class)
                .setParameter("roomId", roomId).setParameter("from", from).setParameter("until", until)
                .setMaxResults(1).getResultList();
        return inTheWay.stream().findFirst();
    }

    /** As {@link #confirmedOverlapping(UUID, Instant, Instant)}, leaving out the booking being moved. */
    public Optional<Booking> confirmedOverlapping(UUID roomId, Instant from, Instant until, UUID except) {
        @SuppressWarnings("unchecked")
        List<Booking> inTheWay = entityManager.createNativeQuery(CONFIRMED_OVERLAPPING.replace("order by",
                "and id <> :except order by"), Booking.class)
                .setParameter("roomId", roomId).setParameter("from", from).setParameter("until", until)
                .setParameter("except", except).setMaxResults(1).getResultList();
        return inTheWay.stream().findFirst();
    }

    /**
     * Holds the room against every other booking of it until the transaction ends, so bookings of one room are
     * checked and written one after another. Without it, two requests that both pass the overlap check wait on each
     * other's uncommitted row while checking the exclusion constraint, and PostgreSQL breaks that deadlock by failing
     * one of them. {@code for no key update} leaves readers and rows referring to the room (closures, checklists)
     * alone. Answers when the room was retired (null while in use), as committed when the lock was granted: a
     * retirement that committed while this waited is seen.
     */
    public Instant lockRoomForBooking(UUID roomId) {
        List<?> retired = entityManager.createNativeQuery(
                "select retired_at from room where id = :r for no key update", Instant.class)
                .setParameter("r", roomId).getResultList();
        return retired.isEmpty() ? null : (Instant) retired.get(0);
    }

    /** The room's confirmed bookings whose teardown is after {@code from}, by event id. */
    public List<Booking> confirmedOfRoomFrom(UUID roomId, Instant from) {
        return Booking.list("roomId = ?1 and status = ?2 and teardownEndsAt > ?3 order by eventId", roomId,
                BookingStatus.CONFIRMED, from);
    }

    /** The confirmed bookings of the venue's rooms whose teardown is after {@code from}, by event id. */
    public List<Booking> confirmedOfVenueFrom(UUID venueId, Instant from) {
        return Booking.list("roomId in (select r.id from Room r where r.venueId = ?1) and status = ?2 "
                + "and teardownEndsAt > ?3 order by eventId", venueId, BookingStatus.CONFIRMED, from);
    }

    /** The event's confirmed booking (at most one: constraint {@value Booking#ONE_PER_EVENT}). */
    public Optional<Booking> confirmedFor(UUID eventId) {
        return Booking.find("eventId = ?1 and status = ?2", eventId, BookingStatus.CONFIRMED).firstResultOptional();
    }

    /**
     * Up to {@code rows} of the organisation's bookings of the room, confirmed and cancelled, by setup time then id, of
     * events the caller may see ({@link EventAccessGuard#visibleCondition}); only those whose setup to teardown
     * overlaps [{@code from}, {@code to}) where either is given, and only those after the booking {@code after} (in that
     * order) when it is given. The read walks index {@code booking_of_room_in_order} and stops at the page's end.
     */
    public List<Booking> visibleOfRoom(UUID roomId, String organisation, Instant from, Instant to, Booking after,
            int rows) {
        Query query = entityManager.createNativeQuery(
                "select * from booking b where b.room_id = :roomId and b.organisation = :organisation and "
                        + EventAccessGuard.visibleCondition("b.event_id")
                        + (from == null ? "" : " and b.teardown_ends_at > :from")
                        + (to == null ? "" : " and b.setup_starts_at < :to")
                        + (after == null ? "" : " and (b.setup_starts_at, b.id) > (:afterStart, :afterId)")
                        + " order by b.setup_starts_at, b.id limit :rows",
                Booking.class).setParameter("roomId", roomId).setParameter("organisation", organisation)
                .setParameter("rows", rows);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (after != null) {
            query.setParameter("afterStart", after.setupStartsAt).setParameter("afterId", after.id);
        }
        @SuppressWarnings("unchecked")
        List<Booking> visible = guard.bindVisibility(query, false).getResultList();
        return visible;
    }

    /**
     * The room's booking {@code bookingId} of the organisation, whoever may see its event: a page cursor is only a
     * position (its setup time and id, neither of which ever changes), and an event made confidential between two pages
     * must not break the walk of those who no longer see it.
     */
    public Optional<Booking> ofRoom(UUID roomId, String organisation, UUID bookingId) {
        return Booking.find("id = ?1 and roomId = ?2 and organisation = ?3", bookingId, roomId, organisation)
                .firstResultOptional();
    }

    /** The booking as committed now, locked against every other writer until the transaction ends. */
    public void lockForUpdate(Booking booking) {
        entityManager.refresh(booking, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The booking as committed now, kept from changing (but not from other readers) until the transaction ends. */
    public void lockForShare(Booking booking) {
        entityManager.refresh(booking, LockModeType.PESSIMISTIC_READ);
    }
}
