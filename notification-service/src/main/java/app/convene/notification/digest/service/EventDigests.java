package app.convene.notification.digest.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.persistence.EventDigestRepository;

/**
 * The digest of each event: what every service announced about it. An event nothing was announced about is not
 * found (404), whoever asks.
 */
@ApplicationScoped
public class EventDigests {
    @Inject
    EventDigestRepository repository;
    @Inject
    Clock clock;

    /** The event's digest, or 404. */
    public EventDigest existing(UUID eventId) {
        return found(eventId, repository.find(eventId));
    }

    /** The event's digest locked for a change, so two concurrent changes of one event take turns; or 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventDigest lockExisting(UUID eventId) {
        return found(eventId, repository.lockForUpdate(eventId));
    }

    /** Creates the digest on the first announcement about an event, whichever service made it, and locks it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventDigest findOrCreate(UUID eventId) {
        return repository.findOrCreateLocked(eventId, clock.instant());
    }

    /** Marks the digest as changed now. */
    public void touch(EventDigest digest) {
        digest.updatedAt = clock.instant();
    }

    private static EventDigest found(UUID eventId, EventDigest digest) {
        if (digest == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return digest;
    }
}
