package app.convene.backbone.deadletter;

import static app.convene.backbone.time.SqlTimes.instant;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The service's dead letters (table {@code dead_letter}): kept when a record is set aside, read and settled later. */
@ApplicationScoped
public class DeadLetterStore {
    private static final TypeReference<List<DeadLetter.Header>> HEADERS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, consumer, channel, topic, kafka_partition, kafka_offset, record_key, event_id, event_type,
            event_subject, reason, cause, dead_lettered_at, state, attempts, last_outcome, last_attempt_at, handled_by
            """;
    private static final String WITH_RECORD = COLUMNS
            + ", encode(record_value, 'base64'), cast(record_headers as text)";

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    Clock clock;

    /**
     * Keeps a record that {@code consumer} set aside, in a transaction of its own (the effect's was rolled back). The
     * same record delivered again (same topic, partition and offset), or the same event set aside again, is not kept
     * twice.
     */
    public void keep(String consumer, String channel, ConsumerRecord<String, String> record, Throwable reason) {
        List<DeadLetter.Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(headerOf(header.key(), header.value())));
        String value = record.value() == null ? null
                : Base64.getEncoder().encodeToString(record.value().getBytes(StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into dead_letter (consumer, channel, topic, kafka_partition, kafka_offset, record_key, event_id,
                                         event_type, event_subject, record_value, record_headers, reason, cause,
                                         dead_lettered_at)
                values (:consumer, :channel, :topic, :partition, :offset, :key, cast(:eventId as uuid), :eventType,
                        :subject, decode(:value, 'base64'), cast(:headers as jsonb), :reason, :cause, :at)
                on conflict do nothing
                """)
                .setParameter("consumer", consumer)
                .setParameter("channel", channel)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", text(record.key(), 10_000))
                .setParameter("eventId", Objects.toString(CloudEventHeaders.idOf(record.headers()), null))
                .setParameter("eventType", text(header(record, CloudEventHeaders.TYPE), 200))
                .setParameter("subject", text(header(record, CloudEventHeaders.SUBJECT), 200))
                .setParameter("value", value)
                .setParameter("headers", write(headers))
                .setParameter("reason", reasonOf(reason))
                .setParameter("cause", reason.getClass().getName())
                .setParameter("at", clock.instant())
                .executeUpdate());
    }

    /** Letters newest first, of one consumer and in one state when given, older than {@code before} when given. */
    public List<DeadLetter> page(String consumer, DeadLetter.State state, Long before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS + """
                 from dead_letter
                where (cast(:consumer as text) is null or consumer = :consumer)
                  and (cast(:state as text) is null or state = :state)
                  and id < :before
                order by id desc limit :limit
                """)
                .setParameter("consumer", consumer)
                .setParameter("state", state == null ? null : state.name())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> letter(row, false)).toList();
    }

    /** One letter with its value and headers. */
    public Optional<DeadLetter> find(long id) {
        return one(entityManager.createNativeQuery("select " + WITH_RECORD + " from dead_letter where id = :id")
                .setParameter("id", id));
    }

    /** One letter, locked until the transaction ends, so two re-drives of it never run at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetter> lock(long id) {
        return one(entityManager.createNativeQuery("select " + WITH_RECORD
                + " from dead_letter where id = :id for update").setParameter("id", id));
    }

    /** The ids of pending letters up to {@code upTo}, after {@code after}, oldest first (the order they arrived in). */
    public List<Long> pendingIds(String consumer, long after, long upTo, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                select id from dead_letter
                where state = 'PENDING' and (cast(:consumer as text) is null or consumer = :consumer)
                  and id > :after and id <= :upTo
                order by id limit :limit
                """)
                .setParameter("consumer", consumer).setParameter("after", after).setParameter("upTo", upTo)
                .setParameter("limit", limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public long countPending(String consumer) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from dead_letter
                where state = 'PENDING' and (cast(:consumer as text) is null or consumer = :consumer)
                """).setParameter("consumer", consumer).getSingleResult()).longValue();
    }

    public long newestId() {
        return ((Number) entityManager.createNativeQuery("select coalesce(max(id), 0) from dead_letter")
                .getSingleResult()).longValue();
    }

    /** The letter was applied again (or found applied): it is settled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markRedriven(long id, String outcome, String operator) {
        settle(id, DeadLetter.State.REDRIVEN, outcome, operator);
    }

    /** The operator settled it without applying it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDiscarded(long id, String operator) {
        settle(id, DeadLetter.State.DISCARDED, "discarded", operator);
    }

    /** A re-drive failed again: the letter stays pending, with the new reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(long id, Throwable reason, String operator) {
        String why = reasonOf(reason);
        entityManager.createNativeQuery("""
                update dead_letter set attempts = attempts + 1, reason = :reason, cause = :cause,
                    last_outcome = :outcome, last_attempt_at = :at, handled_by = :operator
                where id = :id and state = 'PENDING'
                """)
                .setParameter("reason", why).setParameter("cause", reason.getClass().getName())
                .setParameter("outcome", text("failed: " + why, 10_000)).setParameter("at", clock.instant())
                .setParameter("operator", text(operator, 254)).setParameter("id", id)
                .executeUpdate();
    }

    /** The record as the consumer received it, to hand to its inbox again. */
    public ConsumerRecord<String, String> recordOf(DeadLetter letter) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(letter.topic(), letter.partition(),
                letter.offset(), letter.key(), letter.value());
        for (DeadLetter.Header header : letter.headers()) {
            byte[] bytes = header.base64() != null ? Base64.getDecoder().decode(header.base64())
                    : header.value() == null ? null : header.value().getBytes(StandardCharsets.UTF_8);
            record.headers().add(header.name(), bytes);
        }
        return record;
    }

    private void settle(long id, DeadLetter.State state, String outcome, String operator) {
        boolean redrive = state == DeadLetter.State.REDRIVEN;
        entityManager.createNativeQuery("""
                update dead_letter set state = :state, attempts = attempts + :attempt, last_outcome = :outcome,
                    last_attempt_at = :at, handled_by = :operator
                where id = :id
                """)
                .setParameter("state", state.name()).setParameter("attempt", redrive ? 1 : 0)
                .setParameter("outcome", outcome).setParameter("at", clock.instant())
                .setParameter("operator", text(operator, 254)).setParameter("id", id)
                .executeUpdate();
    }

    private Optional<DeadLetter> one(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(letter(rows.get(0), true));
    }

    private DeadLetter letter(Object[] r, boolean withRecord) {
        String value = null;
        List<DeadLetter.Header> headers = null;
        if (withRecord) {
            value = r[18] == null ? null
                    : new String(Base64.getMimeDecoder().decode((String) r[18]), StandardCharsets.UTF_8);
            try {
                headers = objectMapper.readValue((String) r[19], HEADERS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("headers of dead letter " + r[0] + " are unreadable", e);
            }
        }
        return new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), (String) r[6], (UUID) r[7], (String) r[8],
                (String) r[9], (String) r[10], (String) r[11], instant(r[12]), DeadLetter.State.valueOf((String) r[13]),
                ((Number) r[14]).intValue(), (String) r[15], instant(r[16]), (String) r[17], value, headers);
    }

    private static DeadLetter.Header headerOf(String name, byte[] bytes) {
        if (bytes == null) {
            return new DeadLetter.Header(name, null, null);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') < 0) {
                return new DeadLetter.Header(name, text, null);
            }
        } catch (CharacterCodingException e) {
            // not text: kept as base64 below
        }
        return new DeadLetter.Header(name, null, Base64.getEncoder().encodeToString(bytes));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }

    static String reasonOf(Throwable reason) {
        String message = reason.getMessage();
        return text(message == null || message.isBlank() ? reason.getClass().getSimpleName() : message, 10_000);
    }

    /** Text PostgreSQL can hold (no NUL), cut to {@code max} characters. */
    private static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\0", "\\u0000");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
