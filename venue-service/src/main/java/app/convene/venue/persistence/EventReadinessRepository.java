package app.convene.venue.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.convene.venue.domain.EventReadiness;

/** Venue's copies of the announced events ({@code event_readiness}). */
@ApplicationScoped
public class EventReadinessRepository {
    @Inject
    EntityManager entityManager;

    /** The event's copy, created empty if unknown, locked until the transaction ends. */
    public EventReadiness lockOrCreate(UUID eventId, Instant now) {
        EventReadiness event = lockForUpdate(eventId);
        if (event == null) {
            // Two first writers (a booking and a registration event) may meet here: one inserts, both then lock.
            entityManager.createNativeQuery("""
                    insert into event_readiness (event_id, headcount_sequence, updated_at)
                    values (:eventId, -1, :now) on conflict do nothing
                    """).setParameter("eventId", eventId).setParameter("now", now).executeUpdate();
            event = lockForUpdate(eventId);
        }
        return event;
    }

    private static EventReadiness lockForUpdate(UUID eventId) {
        return EventReadiness.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }
}
