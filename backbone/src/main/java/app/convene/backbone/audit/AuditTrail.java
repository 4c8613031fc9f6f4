package app.convene.backbone.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The append-only record of who changed what through the API, and on whose behalf (table {@code audit_entry}). */
@ApplicationScoped
public class AuditTrail {
    @Inject
    EntityManager entityManager;

    public record Entry(long id, Instant occurredAt, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
    }

    /** Appends an entry in a transaction of its own (the change it records has committed). */
    public void append(String organisation, String actor, String onBehalfOf, UUID eventId, String action, int status) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into audit_entry (occurred_at, organisation, actor, on_behalf_of, event_id, action, status)
                values (:at, :organisation, :actor, :onBehalfOf, :eventId, :action, :status)
                """)
                .setParameter("at", Instant.now())
                .setParameter("organisation", organisation)
                .setParameter("actor", actor)
                .setParameter("onBehalfOf", onBehalfOf)
                .setParameter("eventId", eventId)
                .setParameter("action", action.length() > 400 ? action.substring(0, 400) : action)
                .setParameter("status", status)
                .executeUpdate());
    }

    /** The event's entries, newest first, older than {@code before} when given. */
    public List<Entry> ofEvent(String organisation, UUID eventId, Long before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, occurred_at, actor, on_behalf_of, event_id, action, status from audit_entry
                where event_id = :eventId and organisation = :organisation and id < :before
                order by id desc limit :limit
                """)
                .setParameter("eventId", eventId).setParameter("organisation", organisation)
                .setParameter("before", before == null ? Long.MAX_VALUE : before).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (UUID) r[4], (String) r[5], ((Number) r[6]).intValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
