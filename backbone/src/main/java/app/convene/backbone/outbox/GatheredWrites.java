package app.convene.backbone.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

/**
 * The rows a change adds to the outbox and the audit trail, written in one statement, and rows of other kinds a
 * service chooses to write together ({@link RowBatch}), one statement per kind. Rows are written as they come,
 * unless the transaction gathers them ({@link #gather}): a change made through the API does (see
 * {@code AuditedChangeInterceptor}), so its events and its audit entry reach the database in one statement just before
 * it commits, instead of one statement each while it may hold a row lock (a registration holds its event's).
 * Gathered rows live and die with their transaction: a rollback discards them, and a transaction started inside it
 * ({@code requiringNew}) writes its own rows as they come.
 */
@ApplicationScoped
public class GatheredWrites {
    private static final Object KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    EntityManager entityManager;

    /** An event for the outbox, as its relay sends it. */
    public record OutboxRow(UUID eventId, String topic, String aggregateType, String aggregateId, String eventType,
            int eventVersion, String payload, Instant occurredAt, String traceparent, String tracestate) {
    }

    /** An audit entry. */
    public record AuditRow(Instant occurredAt, String organisation, String actor, String onBehalfOf, UUID eventId,
            String action, int status) {
    }

    /**
     * Rows of one kind that a transaction may write together: the writer takes them all, in the order they came, and
     * writes them in one statement on the transaction's connection (bind each column with {@link #column}, then
     * {@code unnest} them). A batch is known by its identity, so each kind has one instance (a constant or a
     * field of an application-scoped bean). Nothing in the transaction may need to read such rows back before it
     * ends, nor depend on whether a row was written (an {@code on conflict do nothing} that skipped it).
     */
    @FunctionalInterface
    public interface RowBatch<T> {
        void write(Connection connection, List<T> rows) throws SQLException;
    }

    /** One column of {@code rows} as an SQL array of {@code sqlType} (uuid, text, int4, int8), for {@code unnest}. */
    public static <T> Array column(Connection connection, String sqlType, List<T> rows, Function<T, ?> value)
            throws SQLException {
        return connection.createArrayOf(sqlType, rows.stream().map(value).toArray());
    }

    private static final class Gathered {
        private final List<OutboxRow> events = new ArrayList<>();
        private final Map<RowBatch<?>, List<Object>> rows = new LinkedHashMap<>();
        private AuditRow entry;
    }

    /**
     * From now until {@link #write}, the current transaction's outbox rows and audit entry are gathered. Answers
     * false (and changes nothing) when it gathers already: the caller that started the gathering writes it.
     */
    public boolean gather() {
        if (transactions.getResource(KEY) != null) {
            return false;
        }
        transactions.putResource(KEY, new Gathered());
        return true;
    }

    /** Writes what the current transaction gathered, in one statement, and writes later rows as they come. */
    public void write() {
        Gathered gathered = (Gathered) transactions.getResource(KEY);
        if (gathered == null) {
            return;
        }
        transactions.putResource(KEY, null);
        gathered.rows.forEach(this::writeAll);
        if (!gathered.events.isEmpty() || gathered.entry != null) {
            insert(gathered.events, gathered.entry);
        }
    }

    /** Gathers the event, or writes it now when the transaction does not gather. */
    void add(OutboxRow event) {
        Gathered gathered = (Gathered) transactions.getResource(KEY);
        if (gathered != null) {
            gathered.events.add(event);
        } else {
            insert(List.of(event), null);
        }
    }

    /** Gathers the row with the others of its batch, or writes it now when the transaction does not gather. */
    public <T> void add(RowBatch<T> batch, T row) {
        Gathered gathered = (Gathered) transactions.getResource(KEY);
        if (gathered == null) {
            writeAll(batch, List.of(row));
        } else {
            gathered.rows.computeIfAbsent(batch, kind -> new ArrayList<>()).add(row);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> void writeAll(RowBatch<T> batch, List<?> rows) {
        entityManager.unwrap(Session.class).doWork(connection -> batch.write(connection, (List<T>) rows));
    }

    /** Gathers the entry, or writes it now when the transaction does not gather. */
    public void add(AuditRow entry) {
        Gathered gathered = (Gathered) transactions.getResource(KEY);
        if (gathered != null && gathered.entry == null) {
            gathered.entry = entry;
        } else {
            insert(List.of(), entry);
        }
    }

    private void insert(List<OutboxRow> events, AuditRow entry) {
        entityManager.unwrap(Session.class).doWork(connection -> insert(connection, events, entry));
    }

    /** Writes the events (in their order) and the entry (when given) in one statement. */
    private static void insert(Connection connection, List<OutboxRow> events, AuditRow entry) throws SQLException {
        String eventsSql = """
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, event_version,
                                          payload, occurred_at, traceparent, tracestate)
                select e.event_id, e.topic, e.aggregate_type, e.aggregate_id, e.event_type, e.event_version,
                       cast(e.payload as jsonb), cast(e.occurred_at as timestamptz), e.traceparent, e.tracestate
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                     with ordinality as e (event_id, topic, aggregate_type, aggregate_id, event_type, event_version,
                                           payload, occurred_at, traceparent, tracestate, position)
                order by e.position""";
        String entrySql = """
                insert into audit_entry (occurred_at, organisation, actor, on_behalf_of, event_id, action, status)
                values (?, ?, ?, ?, ?, ?, ?)""";
        String sql = events.isEmpty() ? entrySql
                : entry == null ? eventsSql
                : "with gathered_events as (" + eventsSql + " returning id) " + entrySql;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int column = 1;
            if (!events.isEmpty()) {
                insert.setArray(column++, connection.createArrayOf("uuid",
                        events.stream().map(OutboxRow::eventId).toArray(UUID[]::new)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::topic)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::aggregateType)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::aggregateId)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::eventType)));
                insert.setArray(column++, connection.createArrayOf("int4",
                        events.stream().map(OutboxRow::eventVersion).toArray(Integer[]::new)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::payload)));
                insert.setArray(column++, texts(connection, events.stream().map(e -> e.occurredAt().toString())));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::traceparent)));
                insert.setArray(column++, texts(connection, events.stream().map(OutboxRow::tracestate)));
            }
            if (entry != null) {
                insert.setObject(column++, entry.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(column++, entry.organisation());
                insert.setString(column++, entry.actor());
                insert.setString(column++, entry.onBehalfOf());
                insert.setObject(column++, entry.eventId());
                insert.setString(column++, entry.action());
                insert.setInt(column, entry.status());
            }
            insert.executeUpdate();
        }
    }

    private static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }
}
