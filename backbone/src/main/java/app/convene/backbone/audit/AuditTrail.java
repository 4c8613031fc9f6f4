package app.convene.backbone.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

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

    /** An entry waiting to be written, and whether it was. */
    private record Pending(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status, Instant at, CompletableFuture<Void> written) {
    }

    /** Entries handed over and not yet written; whoever holds {@link #writing} writes all of them. */
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    /**
     * Appends an entry once the change it records has committed, and returns when the entry has committed too.
     * Entries handed over at the same moment are written together: the caller that gets to write takes every entry
     * waiting and inserts them in one transaction (one commit for many requests, not one each); the others find
     * theirs written when their turn comes. A failed write fails every entry of that transaction.
     */
    public void append(String organisation, String actor, String onBehalfOf, UUID eventId, String action, int status) {
        Pending entry = new Pending(organisation, actor, onBehalfOf, eventId, shortened(action), status, Instant.now(),
                new CompletableFuture<>());
        waiting.add(entry);
        writing.lock();
        try {
            if (!entry.written().isDone()) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        entry.written().join();
    }

    /** Appends an entry in the caller's transaction: it commits with the change it records, or neither does. */
    public void appendWithChange(String organisation, String actor, String onBehalfOf, UUID eventId, String action,
            int status) {
        Pending entry = new Pending(organisation, actor, onBehalfOf, eventId, shortened(action), status, Instant.now(),
                null);
        entityManager.unwrap(Session.class).doWork(connection -> insert(connection, List.of(entry)));
    }

    private static String shortened(String action) {
        return action.length() > 400 ? action.substring(0, 400) : action;
    }

    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = waiting.poll()) {
            batch.add(next);
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.unwrap(Session.class).doWork(connection -> insert(connection, batch)));
            batch.forEach(entry -> entry.written().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(entry -> entry.written().completeExceptionally(e));
        }
    }

    private static void insert(Connection connection, List<Pending> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_entry (occurred_at, organisation, actor, on_behalf_of, event_id, action, status)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (Pending entry : entries) {
                insert.setObject(1, entry.at().atOffset(ZoneOffset.UTC));
                insert.setString(2, entry.organisation());
                insert.setString(3, entry.actor());
                insert.setString(4, entry.onBehalfOf());
                insert.setObject(5, entry.eventId());
                insert.setString(6, entry.action());
                insert.setInt(7, entry.status());
                insert.addBatch();
            }
            insert.executeBatch();
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
