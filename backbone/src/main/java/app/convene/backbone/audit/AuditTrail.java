package app.convene.backbone.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The append-only record of who changed what through the API, and on whose behalf (table {@code audit_entry}). */
@ApplicationScoped
public class AuditTrail {
    @Inject
    EntityManager entityManager;

    public record Entry(long id, Instant occurredAt, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
    }

    /** An entry to be written. */
    private record Pending(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status, Instant at) {
    }

    /**
     * Appends an entry in a transaction of its own, once the change it records has committed: for a change served
     * outside {@link AuditedChanges} (every resource of the services carries it, so their changes are recorded with
     * themselves, {@link #appendWithChange}).
     */
    public void append(String organisation, String actor, String onBehalfOf, UUID eventId, String action, int status) {
        Pending entry = new Pending(organisation, actor, onBehalfOf, eventId, shortened(action), status, Instant.now());
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.unwrap(Session.class).doWork(connection -> insert(connection, entry)));
    }

    /** Appends an entry in the caller's transaction: it commits with the change it records, or neither does. */
    public void appendWithChange(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
        Pending entry = new Pending(organisation, actor, onBehalfOf, eventId, shortened(action), status, Instant.now());
        entityManager.unwrap(Session.class).doWork(connection -> insert(connection, entry));
    }

    private static String shortened(String action) {
        return action.length() > 400 ? action.substring(0, 400) : action;
    }

    private static void insert(Connection connection, Pending entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_entry (occurred_at, organisation, actor, on_behalf_of, event_id, action, status)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setObject(1, entry.at().atOffset(ZoneOffset.UTC));
            insert.setString(2, entry.organisation());
            insert.setString(3, entry.actor());
            insert.setString(4, entry.onBehalfOf());
            insert.setObject(5, entry.eventId());
            insert.setString(6, entry.action());
            insert.setInt(7, entry.status());
            insert.executeUpdate();
        }
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
