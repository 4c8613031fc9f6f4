package app.convene.backbone.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import app.convene.backbone.event.CloudEventHeaders;
import app.convene.backbone.event.KafkaConnection;
import app.convene.backbone.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves committed outbox rows to Kafka, at least once and in order per aggregate.
 * <p>
 * One batch: under a PostgreSQL advisory lock (one active relay per database, so replicas never interleave an
 * aggregate), lock the oldest unpublished rows, send them with {@code acks=all} and the idempotent producer, wait
 * for every acknowledgement, mark them published, commit. A failed send marks nothing; the batch is retried with
 * backoff. Runs right after a commit that appended events (the fast path) and on a sweep every second.
 * <p>
 * Each record is sent in a producer span, a child of the trace context kept with its row, and carries that span as
 * {@code ce_traceparent}/{@code ce_tracestate} ({@link EventTracing}); the span ends with the broker's answer.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Advisory lock key shared by every relay on one database: "outbox" in ASCII. Whoever holds it keeps every relay
     * of the database from publishing meanwhile.
     */
    public static final long RELAY_LOCK = 0x6f7574626f78L;
    /** How often the backlog behind the pending gauges and the readiness check is counted. */
    private static final Duration MEASUREMENT_INTERVAL = Duration.ofSeconds(1);

    @Inject
    BackboneConfig config;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry meters;
    @Inject
    Config settings;
    @Inject
    EventTracing tracing;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant retryNotBefore = Instant.MIN;
    private volatile Duration backoff = Duration.ZERO;
    private volatile Instant lastPrune = Instant.MIN;
    private volatile Instant nextMeasurement = Instant.MIN;
    /** Set once the service has started (after the start-up checks passed); no run happens before. */
    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet published").register(meters);
        Gauge.builder("outbox.oldest.pending.seconds", oldestPendingMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished event").register(meters);
        started = true;
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Scheduled(every = "${backbone.relay.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        wake();
    }

    /** Asks for a relay run; runs never overlap and requests made while one is queued fold into it. */
    public void wake() {
        if (started && config.relay().enabled() && runQueued.compareAndSet(false, true)) {
            try {
                // A short pause gathers the events of commits landing together into one batch.
                worker.schedule(this::run, config.relay().gatherMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                runQueued.set(false);
            }
        }
    }

    /** Number of events committed but not yet acknowledged by the broker (as of the last run). */
    public long pendingCount() {
        return pending.get();
    }

    /** Age of the oldest unpublished event as of the last run. */
    public Duration oldestPendingAge() {
        return Duration.ofMillis(oldestPendingMillis.get());
    }

    private void run() {
        runQueued.set(false);
        if (Instant.now().isBefore(retryNotBefore)) {
            return;
        }
        boolean failed = false;
        try {
            List<String> published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                count(published);
            } while (published.size() >= config.relay().batchSize());
            backoff = Duration.ZERO;
            retryNotBefore = Instant.MIN;
        } catch (RuntimeException e) {
            failed = true;
            backoff = backoff.isZero() ? Duration.ofMillis(500)
                    : min(backoff.multipliedBy(2), config.relay().maxBackoff());
            retryNotBefore = Instant.now().plus(backoff);
            LOG.warnf("Outbox relay could not publish (next attempt in %d ms): %s", backoff.toMillis(), rootMessage(e));
            resetProducer();
        }
        // The pending gauges are read at most once a second (and after every failure): under a stream of commits the
        // relay runs many times a second, and a transaction counting the backlog after each run costs the database
        // more than the run itself.
        if (failed || !Instant.now().isBefore(nextMeasurement)) {
            nextMeasurement = Instant.now().plus(MEASUREMENT_INTERVAL);
            try {
                QuarkusTransaction.requiringNew().run(this::measureAndPrune);
            } catch (RuntimeException e) {
                LOG.debugf("Outbox measurement failed: %s", rootMessage(e));
            }
        }
    }

    /** Counts the events of a published batch by type: the rate of each domain event is a dashboard's figure. */
    private void count(List<String> publishedTypes) {
        Map<String, Long> byType = new HashMap<>();
        publishedTypes.forEach(type -> byType.merge(type, 1L, Long::sum));
        byType.forEach((type, n) -> meters.counter("outbox.published.events", "type", type).increment(n));
    }

    /**
     * Publishes the oldest unpublished events in one batch: one statement takes the relay's lock and the rows, one
     * flush sends them all, one statement marks them published. Answers the types of those it published.
     */
    private List<String> publishBatch() {
        // The advisory lock is tried once, in the statement that reads the rows: when another relay holds it, no row
        // is read (nor locked).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with relay as materialized (select pg_try_advisory_xact_lock(:key) as holds)
                select o.id, o.event_id, o.topic, o.aggregate_id, o.event_type, o.event_version, o.payload::text,
                       o.occurred_at, o.traceparent, o.tracestate
                from relay, outbox_event o
                where relay.holds and o.published_at is null
                order by o.id limit :limit for update of o skip locked
                """).setParameter("key", RELAY_LOCK).setParameter("limit", config.relay().batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        List<String> types = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            types.add((String) row[4]);
            acknowledgements.add(send(kafka, row));
        }
        // The whole batch leaves now, without waiting for the producer's linger.
        kafka.flush();
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                throw new IllegalStateException("broker did not acknowledge the batch", e);
            }
        }
        entityManager.createNativeQuery("update outbox_event set published_at = now() where id = any(:ids)")
                .setParameter("ids", ids.toArray(Long[]::new)).executeUpdate();
        return types;
    }

    /** Sends one row's record in its producer span, which ends when the broker answers. */
    private Future<RecordMetadata> send(KafkaProducer<String, String> kafka, Object[] row) {
        Span span = tracing.startSend((String) row[2], String.valueOf(row[1]), (String) row[4], config.source(),
                (String) row[3], new EventTracing.TraceContext((String) row[8], (String) row[9]));
        try {
            ProducerRecord<String, String> record = toRecord(row);
            EventTracing.inject(span, record.headers());
            return kafka.send(record, (metadata, failure) -> {
                if (failure != null) {
                    EventTracing.failed(span, failure);
                } else {
                    span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
                    span.setAttribute("messaging.kafka.offset", metadata.offset());
                }
                span.end();
            });
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            span.end();
            throw e;
        }
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        UUID eventId = (UUID) row[1];
        String topic = (String) row[2];
        String aggregateId = (String) row[3];
        String type = (String) row[4];
        int version = ((Number) row[5]).intValue();
        String payload = (String) row[6];
        Instant occurredAt = toInstant(row[7]);
        Headers headers = CloudEventHeaders.of(eventId, config.source(), type, version, occurredAt, aggregateId);
        return new ProducerRecord<>(topic, null, aggregateId, payload, headers);
    }

    private void measureAndPrune() {
        Object[] stats = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(occurred_at) from outbox_event where published_at is null").getSingleResult();
        pending.set(((Number) stats[0]).longValue());
        Instant oldest = stats[1] == null ? null : toInstant(stats[1]);
        oldestPendingMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis()));
        if (lastPrune.isBefore(Instant.now().minus(Duration.ofHours(1)))) {
            entityManager.createNativeQuery("delete from outbox_event where published_at < :before")
                    .setParameter("before", Instant.now().minus(config.relay().retention())).executeUpdate();
            lastPrune = Instant.now();
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            current = new KafkaProducer<>(producerProperties(KafkaConnection.properties(settings), config.source()));
            producer = current;
        }
        return current;
    }

    /** The relay producer's settings: the broker and its security settings from configuration, then its own. */
    public static Properties producerProperties(Properties connection, String source) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + source.replace('/', '-'));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    /** A producer that failed may hold a broken idempotence state; the next attempt starts a fresh one. */
    private void resetProducer() {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
