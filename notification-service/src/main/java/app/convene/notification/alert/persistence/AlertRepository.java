package app.convene.notification.alert.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.notification.alert.domain.AlertKind;

/** The alerts raised, one row per fact (event, kind and dedupe key). */
@ApplicationScoped
public class AlertRepository {
    private static final int DEDUPE_KEY_LENGTH = 300;
    private static final int SUMMARY_LENGTH = 2000;

    @Inject
    EntityManager entityManager;

    /** Records the alert unless its fact was alerted before; true when it is new. */
    public boolean insertOnce(UUID alertId, UUID eventId, AlertKind kind, String dedupeKey, String summary,
            Instant raisedAt) {
        return entityManager.createNativeQuery("""
                insert into alert (id, event_id, kind, dedupe_key, summary, raised_at)
                values (:id, :e, :k, :d, :s, :t) on conflict do nothing""")
                .setParameter("id", alertId).setParameter("e", eventId).setParameter("k", kind.name())
                .setParameter("d", truncate(dedupeKey, DEDUPE_KEY_LENGTH))
                .setParameter("s", truncate(summary, SUMMARY_LENGTH))
                .setParameter("t", raisedAt).executeUpdate() > 0;
    }

    /** The English summaries of the event's alerts of one kind, oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> summaries(UUID eventId, AlertKind kind) {
        return entityManager.createNativeQuery(
                "select summary from alert where event_id = :e and kind = :k order by raised_at")
                .setParameter("e", eventId).setParameter("k", kind.name()).getResultList();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
