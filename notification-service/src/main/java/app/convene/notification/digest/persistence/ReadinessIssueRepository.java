package app.convene.notification.digest.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Every distinct reason the venue gave for an event not being ready: its "readiness issues met". */
@ApplicationScoped
public class ReadinessIssueRepository {
    @Inject
    EntityManager entityManager;

    /** Keeps the reason once per event, with when it was first seen. */
    public void keep(UUID eventId, String reason, Instant seenAt) {
        entityManager.createNativeQuery("""
                insert into readiness_issue (event_id, reason, first_seen) values (:e, :r, :t)
                on conflict do nothing""")
                .setParameter("e", eventId).setParameter("r", reason).setParameter("t", seenAt).executeUpdate();
    }

    /** The event's reasons, first seen first. */
    @SuppressWarnings("unchecked")
    public List<String> reasons(UUID eventId) {
        return entityManager.createNativeQuery(
                "select reason from readiness_issue where event_id = :e order by first_seen, reason")
                .setParameter("e", eventId).getResultList();
    }
}
