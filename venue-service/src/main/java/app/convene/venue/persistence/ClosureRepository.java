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

import app.convene.venue.domain.Booking;
import app.convene.venue.domain.VenueClosure;

/**
 * The venues' closures ({@code venue_closure}) and the venue row's lock that keeps a booking and a closure of the
 * same venue from passing each other unseen: a booking holds it shared, a closure (or its withdrawal) exclusively.
 */
@ApplicationScoped
public class ClosureRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Holds the venue row shared until the transaction ends: bookings of the venue still run side by side, and a
     * closure of it waits for them to commit (and they for it). Whatever is read after it is as committed now.
     */
    public void lockVenueForBooking(UUID venueId) {
        entityManager.createNativeQuery("select id from venue where id = :v for share")
                .setParameter("v", venueId).getResultList();
    }

    /** Holds the venue row exclusively until the transaction ends: no booking of the venue runs meanwhile. */
    public void lockVenueForClosure(UUID venueId) {
        entityManager.createNativeQuery("select id from venue where id = :v for update")
                .setParameter("v", venueId).getResultList();
    }

    /**
     * The first active closure of the room or of its whole venue overlapping [from, until), if any (by start).
     */
    public Optional<VenueClosure> activeOverlapping(UUID venueId, UUID roomId, Instant from, Instant until) {
        @SuppressWarnings("unchecked")
        List<VenueClosure> closures = entityManager.createNativeQuery("""
                select * from venue_closure
                where venue_id = :v and status = 'ACTIVE' and (room_id is null or room_id = :r)
                  and tstzrange(starts_at, ends_at, '[)')
                      && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz), '[)')
                order by starts_at, id""", VenueClosure.class)
                .setParameter("v", venueId).setParameter("r", roomId).setParameter("from", from)
                .setParameter("until", until).setMaxResults(1).getResultList();
        return closures.stream().findFirst();
    }

    /**
     * The confirmed bookings a closure of the venue (or of its room {@code roomId}, when not null) from {@code from}
     * until {@code until} overlaps, setup to teardown, by setup time.
     */
    public List<Booking> confirmedOverlapping(UUID venueId, UUID roomId, Instant from, Instant until) {
        Query query = entityManager.createNativeQuery("""
                select b.* from booking b join room r on r.id = b.room_id
                where r.venue_id = :v and b.status = 'CONFIRMED' %s
                  and tstzrange(b.setup_starts_at, b.teardown_ends_at, '[)')
                      && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz), '[)')
                order by b.setup_starts_at, b.id""".formatted(roomId == null ? "" : "and b.room_id = :r"),
                Booking.class)
                .setParameter("v", venueId).setParameter("from", from).setParameter("until", until);
        if (roomId != null) {
            query.setParameter("r", roomId);
        }
        @SuppressWarnings("unchecked")
        List<Booking> bookings = query.getResultList();
        return bookings;
    }

    /**
     * The venue's closures ending after {@code from} and starting before {@code to} (either may be null: unbounded),
     * withdrawn ones too when asked, by start.
     */
    public List<VenueClosure> ofVenue(UUID venueId, Instant from, Instant to, boolean withWithdrawn) {
        String conditions = (withWithdrawn ? "" : " and status = 'ACTIVE'")
                + (from == null ? "" : " and ends_at > :from") + (to == null ? "" : " and starts_at < :to");
        Query query = entityManager.createNativeQuery("select * from venue_closure where venue_id = :v" + conditions
                + " order by starts_at, id", VenueClosure.class).setParameter("v", venueId);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        @SuppressWarnings("unchecked")
        List<VenueClosure> closures = query.getResultList();
        return closures;
    }

    /** The closure as committed now, locked against every other writer until the transaction ends. */
    public void lockForUpdate(VenueClosure closure) {
        entityManager.refresh(closure, LockModeType.PESSIMISTIC_WRITE);
    }
}
