package app.convene.backbone.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.outbox.GatheredWrites;
import app.convene.backbone.outbox.GatheredWrites.AuditRow;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The append-only record of who changed what through the API, and on whose behalf (table {@code audit_entry}). */
@ApplicationScoped
public class AuditTrail {
    @Inject
    EntityManager entityManager;
    @Inject
    GatheredWrites writes;

    /** One entry; its primitives are marked too, since a service's own record of this name hides it from the filter. */
    public record Entry(@Schema(required = true) long id, @Schema(required = true) Instant occurredAt,
            @Schema(required = true) String actor, String onBehalfOf, UUID eventId,
            @Schema(required = true) String action, @Schema(required = true) int status) {
    }

    /**
     * Appends an entry in a transaction of its own, once the change it records has committed: for a change served
     * outside {@link AuditedChanges} (every resource of the services carries it, so their changes are recorded with
     * themselves, {@link #appendWithChange}).
     */
    public void append(String organisation, String actor, String onBehalfOf, UUID eventId, String action, int status) {
        AuditRow entry = entry(organisation, actor, onBehalfOf, eventId, action, status);
        QuarkusTransaction.requiringNew().run(() -> writes.add(entry));
    }

    /**
     * Appends an entry in the caller's transaction: it commits with the change it records, or neither does. A change
     * made through the API writes it with its events, just before it commits ({@link GatheredWrites}).
     */
    public void appendWithChange(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
        writes.add(entry(organisation, actor, onBehalfOf, eventId, action, status));
    }

    private static AuditRow entry(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
        return new AuditRow(Instant.now(), organisation, actor, onBehalfOf, eventId,
                action.length() > 400 ? action.substring(0, 400) : action, status);
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
