package app.convene.notification.digest.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.convene.notification.digest.domain.EventDigest;

/** The event digests: one row per event, created by whichever announcement about it arrives first. */
@ApplicationScoped
public class EventDigestRepository {
    @Inject
    EntityManager entityManager;

    /**
     * The event's digest, locked for the rest of the transaction; created first if nothing was announced about the
     * event yet (two first announcements racing both find the one row). Locked first: a known event's digest takes one
     * statement, and a poll's further records about it find it held.
     */
    public EventDigest findOrCreateLocked(UUID eventId, Instant now) {
        EventDigest digest = lockForUpdate(eventId);
        if (digest == null) {
            entityManager.createNativeQuery("""
                    insert into event_digest (event_id, updated_at) values (:e, :t) on conflict do nothing""")
                    .setParameter("e", eventId).setParameter("t", now).executeUpdate();
            digest = lockForUpdate(eventId);
        }
        return digest;
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
