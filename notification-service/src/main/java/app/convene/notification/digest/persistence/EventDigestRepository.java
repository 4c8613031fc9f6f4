package app.convene.notification.digest.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import app.convene.notification.digest.domain.EventDigest;

/** The event digests: one row per event, created by whichever announcement about it arrives first. */
@ApplicationScoped
public class EventDigestRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * The event's digest, locked for the rest of the transaction; created first if nothing was announced about the
     * event yet (two first announcements racing both find the one row).
     */
    public EventDigest findOrCreateLocked(UUID eventId, Instant now) {
        // Once per event and transaction: a poll's records about one event find the row held after the first.
        List<Object> held = List.of(EventDigest.class, eventId);
        if (transaction.getResource(held) == null) {
            entityManager.createNativeQuery("""
                    insert into event_digest (event_id, updated_at) values (:e, :t) on conflict do nothing""")
                    .setParameter("e", eventId).setParameter("t", now).executeUpdate();
            transaction.putResource(held, Boolean.TRUE);
        }
        return lockForUpdate(eventId);
    }

    /** The event's digest, locked for the rest of the transaction; null when nothing was announced about it. */
    public EventDigest lockForUpdate(UUID eventId) {
        return EventDigest.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The event's digest; null when nothing was announced about it. */
    public EventDigest find(UUID eventId) {
        return EventDigest.findById(eventId);
    }
}
