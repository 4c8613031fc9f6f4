package app.convene.backbone.inbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import app.convene.backbone.event.CloudEventHeaders;
import app.convene.backbone.outbox.BackboneConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Records whose handling did not end, noted so that the next start does not hang on them again.
 * <p>
 * A handler that never ends (a loop, a call without a timeout) holds its consumer: liveness goes down after
 * {@code backbone.inbox.stuck-after} and the service is restarted, but the record is still unapplied and the next
 * start would meet it again, and hang again: a restart loop, with every record behind it waiting. So when an attempt
 * runs past that limit, its records are noted (table {@code inbox_hung_record}, by consumer and event id, with their
 * position and whether the attempt applied the record alone). At the next start, or on another instance that takes
 * the partition over:
 * <ul>
 * <li>a poll holding a noted record is applied record by record, not together, so the record that hangs is found;</li>
 * <li>a record that hung when applied alone is set aside as a dead letter without running its handler, and the
 * consumer goes on with the records behind it. The operator re-drives it once its cause is fixed.</li>
 * </ul>
 * A note is forgotten once its record is applied or set aside, or when the attempt that hung ends by itself in the
 * same run. Notes are read at the first record after the start and every {@code backbone.inbox.hung-check-every}.
 */
@ApplicationScoped
public class HungRecords {
    private static final Logger LOG = Logger.getLogger(HungRecords.class);

    /** A record noted as hung: whether it hung applied alone, and when it was noted. */
    record Note(boolean alone, Instant notedAt) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    ConsumerChannels channels;
    @Inject
    BackboneConfig config;
    @Inject
    Config mpConfig;

    /** The notes by consumer and event id; null until read (at the first record after the start). */
    private volatile Map<String, Map<UUID, Note>> notes;

    /**
     * Warns when {@code stuck-after} is not longer than the transaction timeout: an attempt waiting on the database
     * (a row lock) is ended by that timeout and tried again, and must not count as hung.
     */
    void onStart(@Observes StartupEvent event) {
        Duration timeout = mpConfig.getOptionalValue("quarkus.transaction-manager.default-transaction-timeout",
                Duration.class).orElse(Duration.ofSeconds(60));
        if (config.inbox().stuckAfter().compareTo(timeout) <= 0) {
            LOG.warnf("backbone.inbox.stuck-after (%s) is not longer than the transaction timeout (%s): a record "
                    + "waiting on the database would count as hung, and be set aside after a restart",
                    config.inbox().stuckAfter(), timeout);
        }
    }

    /** Notes the records of the attempts running past {@code stuck-after}, then reads every instance's notes. */
    @Scheduled(every = "${backbone.inbox.hung-check-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        try {
            for (ConsumerChannels.HungAttempt attempt : channels.hungUnnoted(config.inbox().stuckAfter())) {
                note(attempt);
            }
            notes = read();
        } catch (RuntimeException e) {
            LOG.debugf("Hung records not checked: %s", e.getMessage());
        }
    }

    private void note(ConsumerChannels.HungAttempt attempt) {
        boolean alone = attempt.records().size() == 1;
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            for (ConsumerRecord<String, String> record : attempt.records()) {
                UUID eventId = eventId(record);
                if (eventId == null) {
                    continue;
                }
                entityManager.createNativeQuery("""
                        insert into inbox_hung_record (consumer, event_id, alone, position, noted_at)
                        values (:consumer, :eventId, :alone, :position, :at)
                        on conflict (consumer, event_id) do update
                        set alone = inbox_hung_record.alone or excluded.alone, position = excluded.position,
                            noted_at = excluded.noted_at
                        """)
                        .setParameter("consumer", attempt.consumer())
                        .setParameter("eventId", eventId)
                        .setParameter("alone", alone)
                        .setParameter("position", ConsumerChannels.positions(List.of(record)))
                        .setParameter("at", Timestamp.from(now))
                        .executeUpdate();
            }
        });
        channels.noted(attempt);
        LOG.warnf("%s: an attempt has been applying %s for longer than %s; noted, so that %s", attempt.consumer(),
                ConsumerChannels.positions(attempt.records()), config.inbox().stuckAfter(), alone
                        ? "after a restart the record is set aside as a dead letter, unapplied"
                        : "after a restart these records are applied one by one");
    }

    private Map<String, Map<UUID, Note>> read() {
        Map<String, Map<UUID, Note>> read = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "select consumer, event_id, alone, noted_at from inbox_hung_record").getResultList();
            for (Object[] row : rows) {
                read.computeIfAbsent((String) row[0], c -> new HashMap<>()).put((UUID) row[1],
                        new Note((Boolean) row[2], instant(row[3])));
            }
        });
        return read;
    }

    private Map<String, Map<UUID, Note>> notes() {
        Map<String, Map<UUID, Note>> known = notes;
        if (known == null) {
            try {
                known = read();
                notes = known;
            } catch (RuntimeException e) {
                // The database is away: the records' own attempts meet that and wait for it.
                return Map.of();
            }
        }
        return known;
    }

    /** True when one of {@code records} was noted as hung for {@code consumer}. */
    boolean anyNoted(String consumer, List<ConsumerRecord<String, String>> records) {
        Map<UUID, Note> noted = notes().get(consumer);
        if (noted == null || noted.isEmpty()) {
            return false;
        }
        for (ConsumerRecord<String, String> record : records) {
            UUID eventId = eventId(record);
            if (eventId != null && noted.containsKey(eventId)) {
                return true;
            }
        }
        return false;
    }

    /** The note of a record that hung when {@code consumer} applied it alone, or null. */
    Note hungAlone(String consumer, ConsumerRecord<String, String> record) {
        Map<UUID, Note> noted = notes().get(consumer);
        if (noted == null || noted.isEmpty()) {
            return null;
        }
        UUID eventId = eventId(record);
        Note note = eventId == null ? null : noted.get(eventId);
        return note != null && note.alone() ? note : null;
    }

    /** Forgets the notes of {@code records}: they were applied or set aside, or their attempt ended. */
    void forget(String consumer, List<ConsumerRecord<String, String>> records) {
        Map<String, Map<UUID, Note>> known = notes;
        Map<UUID, Note> noted = known == null ? null : known.get(consumer);
        List<UUID> ids = records.stream().map(HungRecords::eventId)
                .filter(id -> id != null && (noted == null || noted.containsKey(id))).toList();
        if (ids.isEmpty() || (known != null && noted == null)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from inbox_hung_record where consumer = :consumer and event_id = any(cast(:ids as uuid[]))")
                    .setParameter("consumer", consumer)
                    .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                    .executeUpdate());
            if (noted != null) {
                Map<UUID, Note> left = new HashMap<>(noted);
                ids.forEach(left::remove);
                Map<String, Map<UUID, Note>> updated = new HashMap<>(known);
                updated.put(consumer, left);
                notes = updated;
            }
        } catch (RuntimeException e) {
            LOG.debugf("Notes of hung records not forgotten: %s", e.getMessage());
        }
    }

    /** The record's event id (its {@code ce_id} header), or null when it has none that reads as one. */
    static UUID eventId(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.idOf(record.headers());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.now();
    }
}
