package app.convene.backbone.inbox;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.hibernate.Session;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.deadletter.DeadLetterStore;
import app.convene.backbone.event.EventEnvelope;
import app.convene.backbone.event.EventType;
import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.problem.DatabaseOutage;
import app.convene.backbone.outbox.BackboneConfig;
import app.convene.backbone.outbox.GatheredWrites;
import app.convene.backbone.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InjectableBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * Idempotent receipt of events. The event id is inserted first, in the consumer's transaction; a clash means the
 * event was handled before, and the effect is skipped. The effect and the receipt commit or roll back together.
 */
@ApplicationScoped
public class Inbox {
    /** The packages whose beans may read a channel. */
    private static final String PRODUCT_PACKAGE = "app.convene.";
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    /** At a stop, the channels count as drained once no record has been applied for this long. */
    private static final Duration QUIET_AT_STOP = Duration.ofMillis(250);
    /** A clash with a concurrent writer (unique key, lock, deadlock) usually succeeds on a second try. */
    private static final int CLASH_ATTEMPTS = 5;
    /**
     * A transaction that outlived its timeout is tried this many times in a row (the database was slow, or a lock
     * held long); a record whose handling outlives it every time is set aside rather than tried for ever.
     */
    static final int TIMEOUT_ATTEMPTS = 5;

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    DeadLetters deadLetters;
    @Inject
    DeadLetterStore deadLetterStore;
    @Inject
    ConsumerChannels channels;
    @Inject
    BackboneConfig config;
    @Inject
    EventTracing tracing;
    @Inject
    GatheredWrites writes;
    @Inject
    HungRecords hungRecords;

    /** Each consumer's handlers by consumer name, so a dead letter can be applied again by the same code. */
    private final Map<String, Handlers> handlersByConsumer = new ConcurrentHashMap<>();

    private volatile boolean stopping;
    /** The consumers that refused a poll since the stop began: only the first refusal of each is logged. */
    private final Set<String> refusedAtStop = ConcurrentHashMap.newKeySet();
    private final PollDelivery polls = new PollDelivery(this);
    /** Attempts at applying records running now, and when the last one ended (System.nanoTime). */
    private final AtomicInteger attemptsRunning = new AtomicInteger();
    private volatile long lastAttemptEnded = System.nanoTime();

    /**
     * The service stops: before its database goes away (this observer runs ahead of the others, and ahead of the
     * datasource's close), every channel stops fetching and the records it fetched already are applied as usual, so
     * that they commit and their offsets are committed at the consumers' close. Only then does the inbox refuse
     * records; one refused is delivered again at the next start.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        channels.pauseAll();
        long deadline = System.nanoTime() + config.inbox().drainAtStop().toNanos();
        while (System.nanoTime() - deadline < 0
                && (attemptsRunning.get() > 0 || System.nanoTime() - lastAttemptEnded < QUIET_AT_STOP.toNanos())) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (attemptsRunning.get() > 0) {
            LOG.warnf("%d attempts at applying records still run after %d ms; what they do not commit is delivered "
                    + "again at the next start", attemptsRunning.get(), config.inbox().drainAtStop().toMillis());
        }
        stopping = true;
    }

    /** True once the service stops: nothing more is applied nor set aside. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Creates every bean that reads a channel ({@code @Incoming}) now, not at its first record, so that the handlers
     * it registers in its {@code @PostConstruct} are known to {@link #handlersOf} from the start.
     */
    void onStart(@Observes StartupEvent event) {
        var container = Arc.container();
        for (var bean : container.beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            // Only the product's own beans are looked at: reflecting over every framework bean's methods would load
            // each class their signatures name, hundreds of them, during start-up.
            if (bean instanceof InjectableBean<?> injectable && ownBean(bean.getBeanClass())
                    && readsAChannel(bean.getBeanClass())) {
                try {
                    ClientProxy.unwrap(container.instance(injectable).get());
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s could not be created at start: %s", bean.getBeanClass().getName(),
                            e.getMessage());
                }
            }
        }
        LOG.infof("Consumers whose dead letters can be re-driven: %s", new TreeSet<>(handlersByConsumer.keySet()));
    }

    private static boolean ownBean(Class<?> type) {
        return type.getName().startsWith(PRODUCT_PACKAGE);
    }

    private static boolean readsAChannel(Class<?> type) {
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Incoming.class)) {
                        return true;
                    }
                }
            }
        } catch (LinkageError e) {
            // A framework bean whose methods name classes that are not there: not one of ours.
        }
        return false;
    }

    /**
     * Delivers the records of one poll to the consumer, in their order, applied together in one transaction
     * ({@link PollDelivery}); each record still has its own receipt in the inbox, so a redelivered event id is skipped
     * as in {@link #deliver}.
     */
    public void deliverAll(String consumer, Iterable<ConsumerRecord<String, String>> records, Handlers handlers) {
        polls.deliver(consumer, records, handlers);
    }

    /**
     * Applies a poll as its channel hands it over ({@code batch=true}), then acknowledges it, so that its offsets are
     * committed. A poll refused because the service stops ({@link #onStop}) is left unacknowledged, neither
     * acknowledged nor failed, and its stage never completes, so the channel hands over nothing more: its offsets are
     * not committed, it is delivered again at the next start (where the inbox skips whatever of it was applied), and
     * the stop logs no error. Any other failure fails the poll, and the
     * channel stops ({@code failure-strategy=fail}).
     */
    public CompletionStage<Void> deliverAll(String consumer, KafkaRecordBatch<String, String> poll, Handlers handlers) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> records = poll.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (ConsumerRecords<String, String>) metadata.getRecords())
                .orElseThrow(() -> new IllegalArgumentException("a poll without its Kafka records"));
        try {
            polls.deliver(consumer, records, handlers);
        } catch (RefusedAtStop refused) {
            LOG.logf(refusedAtStop.add(consumer) ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "%s leaves the polls it fetched before the stop for the next start (%d records in this one)",
                    consumer, records.count());
            // Never completed: the channel takes nothing more before its consumer closes (a poll taken after the
            // close would fail on the closed consumer while its partitions are looked up for committing).
            return new CompletableFuture<>();
        }
        return poll.ack();
    }

    /** A record refused because the service stops: it stays unacknowledged and is delivered again after the start. */
    static final class RefusedAtStop extends IllegalStateException {
        RefusedAtStop(String consumer, Throwable cause) {
            super(consumer + " is stopping; the records will be delivered again", cause);
        }
    }

    /**
     * Delivers one record to the consumer, each attempt in its own transaction. A record that can never be
     * processed (unreadable, unknown version, a rule it breaks, a bug) is kept in the {@code dead_letter} table, where
     * an operator can re-drive it, and copied to the dead-letter topic, and the consumer moves on. A clash with a
     * concurrent writer is tried again a few times.
     * <p>
     * An unreachable database is waited for, however long, with growing pauses (up to
     * {@code backbone.inbox.max-backoff}): the record is kept, unacknowledged, so its offset is not committed; the
     * channel's partitions are paused so nothing more is fetched meanwhile, and readiness names the channel and what
     * it waits for ({@link ConsumerChannels}). Once the record is applied the channel fetches again. The same holds when
     * the dead-letter topic cannot be written. While the service is stopping nothing is set aside: the record stays
     * unacknowledged and is delivered again after the restart, where the inbox skips it if it was handled.
     * <p>
     * All attempts run in one consumer span, a child of the producer span named by the record's
     * {@code ce_traceparent}, so what the effect announces in turn (its outbox rows) stays in the same trace.
     */
    public void deliver(String consumer, ConsumerRecord<String, String> record, Handlers handlers) {
        Span span = tracing.startProcess(consumer, record);
        try (Scope scope = span.makeCurrent()) {
            applyUntilDone(consumer, record, handlers, span);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    void applyUntilDone(String consumer, ConsumerRecord<String, String> record, Handlers handlers,
            Span span) {
        String channel = handlers.channelOf(record.topic());
        HungRecords.Note hung = hungRecords.hungAlone(consumer, record);
        Duration pause = FIRST_PAUSE;
        int timeoutsInARow = 0;
        for (int attempt = 1;; attempt++) {
            if (stopping) {
                throw new RefusedAtStop(consumer, null);
            }
            Failure kind;
            RuntimeException failure;
            attemptStarted(channel, consumer, List.of(record));
            try {
                QuarkusTransaction.requiringNew().run(() -> gathered(() -> {
                    if (hung == null) {
                        receive(consumer, record, handlers);
                    } else {
                        setAsideUnapplied(consumer, record, handlers, hung);
                    }
                }));
                resumed(channel);
                forgetHung(consumer, record);
                return;
            } catch (RuntimeException e) {
                failure = e;
                kind = classify(e);
            } finally {
                attemptEnded(channel, consumer);
            }
            if (stopping) {
                throw new RefusedAtStop(consumer, failure);
            }
            timeoutsInARow = kind == Failure.TIMEOUT ? timeoutsInARow + 1 : 0;
            if (kind == Failure.POISON || (kind == Failure.CLASH && attempt >= CLASH_ATTEMPTS)
                    || timeoutsInARow >= TIMEOUT_ATTEMPTS) {
                Throwable reason = causeOf(failure, PoisonEventException.class) != null
                        ? causeOf(failure, PoisonEventException.class)
                        : kind == Failure.TIMEOUT ? new PoisonEventException("its transaction outlived the "
                                + "transaction timeout " + timeoutsInARow + " times in a row (" + rootMessage(failure)
                                + "); set aside so the records behind it go on") : failure;
                LOG.warnf("%s sets aside %s from %s-%d@%d: %s", consumer, header(record), record.topic(),
                        record.partition(), record.offset(), reason.getMessage());
                if (setAside(consumer, channel, record, reason)) {
                    forgetHung(consumer, record);
                    span.recordException(reason);
                    span.setStatus(StatusCode.ERROR, "set aside as a dead letter: " + reason.getMessage());
                    span.setAttribute("convene.inbox.outcome", "dead-lettered");
                    resumed(channel);
                    return;
                }
            } else if (kind == Failure.UNAVAILABLE || kind == Failure.TIMEOUT) {
                waiting(channel, "database", rootMessage(failure));
            }
            LOG.warnf("%s will retry %s in %d ms (attempt %d): %s", consumer, header(record), pause.toMillis(),
                    attempt, rootMessage(failure));
            span.addEvent("retry in " + pause.toMillis() + " ms after attempt " + attempt + ": "
                    + rootMessage(failure));
            sleep(pause);
            Duration longest = config.inbox().maxBackoff();
            pause = pause.multipliedBy(2).compareTo(longest) > 0 ? longest : pause.multipliedBy(2);
        }
    }

    /**
     * Keeps the record in the {@code dead_letter} table (its own transaction) and copies it to the dead-letter topic.
     * False when either could not be written for now (the database or the broker away): the record is then kept,
     * unacknowledged, and tried again. A row that cannot be written for any other reason does not hold the consumer
     * up: the topic keeps the record.
     */
    private boolean setAside(String consumer, String channel, ConsumerRecord<String, String> record, Throwable reason) {
        try {
            deadLetterStore.keep(consumer, channel, record, reason);
        } catch (RuntimeException unkept) {
            if (classify(unkept) == Failure.UNAVAILABLE) {
                waiting(channel, "database", rootMessage(unkept));
                return false;
            }
            LOG.errorf(unkept, "%s could not keep the dead letter from %s-%d@%d in its table; it is on %s",
                    consumer, record.topic(), record.partition(), record.offset(), DeadLetters.topicFor(consumer));
        }
        try {
            deadLetters.send(consumer, record, reason);
            return true;
        } catch (RuntimeException unsent) {
            waiting(channel, "dead-letter topic", rootMessage(unsent));
            return false;
        }
    }

    void attemptStarted(String channel, String consumer, List<ConsumerRecord<String, String>> records) {
        attemptsRunning.incrementAndGet();
        if (channel != null) {
            channels.attemptStarted(channel, consumer, records);
        }
    }

    void attemptEnded(String channel, String consumer) {
        lastAttemptEnded = System.nanoTime();
        attemptsRunning.decrementAndGet();
        if (channel != null) {
            List<ConsumerRecord<String, String>> noted = channels.attemptEnded(channel);
            if (noted != null) {
                // The attempt that had run past stuck-after ended by itself: nothing to guard the next start against.
                LOG.infof("%s: the attempt applying %s ended after all", consumer, ConsumerChannels.positions(noted));
                hungRecords.forget(consumer, noted);
            }
        }
    }

    /** A record noted as hung is forgotten once applied or set aside. */
    private void forgetHung(String consumer, ConsumerRecord<String, String> record) {
        if (hungRecords.anyNoted(consumer, List.of(record))) {
            hungRecords.forget(consumer, List.of(record));
        }
    }

    /**
     * A record that hung when applied alone before the last restart: unless this consumer applied it after all (its
     * receipt is committed), it is set aside as a dead letter without running its handler, so that the records behind
     * it go on. The receipt is only read, not written: the hung attempt's own uncommitted receipt may still be held by
     * a database session that outlived its process (waiting on a lock, it does not notice the process is gone), and
     * writing the same receipt would wait behind it. Should that session commit after all, the letter's re-drive finds
     * the receipt and has no second effect.
     */
    private void setAsideUnapplied(String consumer, ConsumerRecord<String, String> record, Handlers handlers,
            HungRecords.Note hung) {
        apply(consumer, record, handlers, false, envelope -> {
            if (received(consumer, envelope.id())) {
                return false;
            }
            throw new PoisonEventException("applying it alone ran for longer than backbone.inbox.stuck-after ("
                    + config.inbox().stuckAfter() + ") without end, noted at " + hung.notedAt()
                    + "; set aside unapplied so the records behind it go on. Re-drive it once its cause is fixed");
        });
    }

    private void waiting(String channel, String what, String reason) {
        if (channel != null) {
            channels.waiting(channel, what, reason);
        }
    }

    void resumed(String channel) {
        if (channel != null) {
            channels.resumed(channel);
        }
    }

    private enum Failure {
        POISON, CLASH, UNAVAILABLE, TIMEOUT
    }

    private static Failure classify(Throwable failure) {
        if (causeOf(failure, PoisonEventException.class) != null) {
            return Failure.POISON;
        }
        if (DatabaseOutage.isTimeout(failure)) {
            return Failure.TIMEOUT;
        }
        // The same reading of "the database is away" as the HTTP answers' 503.
        if (DatabaseOutage.isCauseOf(failure) || causeOf(failure, java.net.ConnectException.class) != null) {
            return Failure.UNAVAILABLE;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505") || state.equals("40001") || state.equals("40P01")
                        || state.equals("55P03")) {
                    return Failure.CLASH;
                }
            }
            if (t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return Failure.CLASH;
            }
        }
        return Failure.POISON;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<String, String> record) {
        var type = record.headers().lastHeader("ce_type");
        return type == null ? "a record" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Runs {@code work} in the current transaction with the outbox rows it appends gathered and written in one
     * statement at its end ({@link GatheredWrites}): an event applied, or a poll's records, announce what they changed
     * in one round trip to the database.
     */
    void gathered(Runnable work) {
        boolean gathering = writes.gather();
        work.run();
        if (gathering) {
            writes.write();
        }
    }

    /** Records the event for this consumer; false when it was already recorded (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        return entityManager.createNativeQuery("""
                insert into inbox_event (consumer, event_id, event_type) values (:consumer, :eventId, :eventType)
                on conflict do nothing
                """)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .executeUpdate() == 1;
    }

    /** Whether the consumer's receipt of the event is committed (read without waiting on anyone's lock). */
    private boolean received(String consumer, UUID eventId) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from inbox_event where consumer = :consumer and event_id = :eventId")
                .setParameter("consumer", consumer).setParameter("eventId", eventId).getSingleResult())
                .longValue() > 0;
    }

    /**
     * Records the receipts of {@code envelopes} in one statement and returns the ids of those this consumer had not
     * handled before (an id given twice is new once at most).
     */
    Set<UUID> firstDeliveries(String consumer, List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return new HashSet<>();
        }
        UUID[] ids = envelopes.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        String[] types = envelopes.stream().map(EventEnvelope::type).toArray(String[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (consumer, event_id, event_type)
                    select ?, received.event_id, received.event_type
                    from unnest(?::uuid[], ?::text[]) as received (event_id, event_type)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("text", types));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    /**
     * Reads the record, skips it if this consumer handled it before, and otherwise hands it to the handler
     * registered for its type. Types the consumer has no handler for are acknowledged and ignored; a known fact in a
     * version without a handler, or an unreadable record, is a {@link PoisonEventException} (dead-letter topic).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String consumer, ConsumerRecord<String, String> record, Handlers handlers) {
        apply(consumer, record, handlers, false);
    }

    /** What became of a record handed to the consumer's handlers. */
    public enum Outcome {
        /** The handler applied it. */
        APPLIED,
        /** The inbox already held its event id: applied before, no second effect. */
        ALREADY_APPLIED,
        /** The consumer does not read this type. */
        IGNORED
    }

    /**
     * Applies a record again through the handlers the consumer registered under its name, in the caller's
     * transaction, exactly as {@link #receive} does for a record from the channel (the inbox skips an event id it
     * holds). A record that still cannot be applied throws, as it did the first time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome redeliver(String consumer, ConsumerRecord<String, String> record) {
        Handlers handlers = handlersOf(consumer);
        if (handlers == null) {
            throw new PoisonEventException("this service has no consumer named " + consumer);
        }
        Span span = tracing.startRedelivery(consumer, record);
        try (Scope scope = span.makeCurrent()) {
            return apply(consumer, record, handlers, false);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The handlers registered under {@code consumer}, or null. */
    public Handlers handlersOf(String consumer) {
        return handlersByConsumer.get(consumer);
    }

    /** The name of every consumer that registered handlers, so what it reads can be listed (the AsyncAPI document). */
    public Set<String> consumers() {
        return new TreeSet<>(handlersByConsumer.keySet());
    }

    /**
     * Applies one record in the caller's transaction. {@code superseded}: a newer record of the same batch carries
     * what the record's newest-only handler would apply, so that handler is skipped (the receipt is still kept).
     */
    Outcome apply(String consumer, ConsumerRecord<String, String> record, Handlers handlers,
            boolean superseded) {
        return apply(consumer, record, handlers, superseded,
                envelope -> firstDelivery(consumer, envelope.id(), envelope.type()));
    }

    /**
     * As {@link #apply(String, ConsumerRecord, Handlers, boolean)}, with {@code first} saying whether the event is
     * new to this consumer and keeping its receipt (a poll takes its receipts in one statement beforehand).
     */
    Outcome apply(String consumer, ConsumerRecord<String, String> record, Handlers handlers, boolean superseded,
            Predicate<EventEnvelope> first) {
        EventEnvelope envelope = EventEnvelope.fromRecord(record);
        Consumer<EventEnvelope> handler = handlers.byName.get(envelope.type());
        Newest<?> newest = handlers.newest.get(envelope.type());
        if (handler == null && newest == null) {
            String unversioned = envelope.type().replaceFirst("\\.v\\d+$", "");
            if (handlers.knownFacts.containsKey(unversioned)) {
                throw new PoisonEventException(consumer + " does not read version " + envelope.version() + " of "
                        + unversioned);
            }
            LOG.debugf("%s ignores %s", consumer, envelope.type());
            return traced(Outcome.IGNORED);
        }
        if (!first.test(envelope)) {
            LOG.debugf("%s already handled %s %s", consumer, envelope.type(), envelope.id());
            return traced(Outcome.ALREADY_APPLIED);
        }
        if (handler != null) {
            handler.accept(envelope);
        }
        if (newest != null && !superseded) {
            newest.handler().accept(envelope);
        }
        return traced(Outcome.APPLIED);
    }

    /** The outcome, noted on the consumer span the record is applied in. */
    private static Outcome traced(Outcome outcome) {
        Span.current().setAttribute("convene.inbox.outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        return outcome;
    }

    /** The payload of an envelope as its contract's record. */
    public <P> P payload(EventEnvelope envelope, EventType<P> type) {
        return envelope.payload(type, objectMapper);
    }

    /**
     * The handlers of the consumer named {@code consumer} (its inbox name, also the name of its dead-letter topic),
     * registered under that name so that its dead letters can be re-driven through them. A consumer bean builds them
     * once, in its {@code @PostConstruct}. Several beans may read under one inbox name (one per incoming family):
     * they share one set of handlers, each adding the types it reads.
     */
    public Handlers handlers(String consumer) {
        return handlersByConsumer.computeIfAbsent(consumer, name -> new Handlers(this, name));
    }

    /** Which event types a consumer reads, and what it does with each. */
    public static final class Handlers {
        private final Inbox inbox;
        private final String consumer;
        private final Map<String, Consumer<EventEnvelope>> byName = new ConcurrentHashMap<>();
        final Map<String, Newest<?>> newest = new ConcurrentHashMap<>();
        final Map<String, Boolean> knownFacts = new ConcurrentHashMap<>();
        private final Map<String, EventType<?>> types = new ConcurrentHashMap<>();

        private volatile String channel;

        private Handlers(Inbox inbox, String consumer) {
            this.inbox = inbox;
            this.consumer = consumer;
        }

        /**
         * Names the incoming channel these handlers' records come from. Needed only where two channels of a service
         * read the same topic (in consumer groups of their own); otherwise the channel reading the record's topic is
         * the one paused while the database is away and named in readiness.
         */
        public Handlers readFrom(String channel) {
            this.channel = channel;
            return this;
        }

        /** The channel a record of {@code topic} handled here came from, if known. */
        String channelOf(String topic) {
            return channel != null ? channel : inbox.channels.channelOf(topic).orElse(null);
        }

        public <P> Handlers on(EventType<P> type, Consumer<P> handler) {
            byName.put(type.name(), envelope -> handler.accept(inbox.payload(envelope, type)));
            knownFacts.put(type.unversionedName(), Boolean.TRUE);
            types.put(type.name(), type);
            return this;
        }

        /**
         * Registers a handler for facts where only the newest counts (a headcount: its payload carries a sequence per
         * aggregate, and a handler keeps the highest it has seen). When {@link Inbox#deliverAll} applies a batch, of
         * the records of {@code type} with the same {@code key} only the one with the highest {@code sequence} reaches
         * {@code handler}; the others are recorded in the inbox as handled, with no effect of their own. A record
         * delivered alone (record by record, or a re-drive) always reaches it. A handler registered with
         * {@link #on} for the same type still runs for every record.
         */
        public <P> Handlers onNewest(EventType<P> type, Function<P, ?> key, ToLongFunction<P> sequence,
                Consumer<P> handler) {
            newest.put(type.name(), new Newest<>(type, key, sequence, handler, inbox));
            knownFacts.put(type.unversionedName(), Boolean.TRUE);
            types.put(type.name(), type);
            return this;
        }

        boolean reads(String type) {
            return byName.containsKey(type) || newest.containsKey(type);
        }

        /** The event types these handlers read, by name. */
        public java.util.SortedMap<String, EventType<?>> types() {
            return new java.util.TreeMap<>(types);
        }
    }

    /** A newest-only handler: where a payload stands (its key and sequence) and what applies it. */
    record Newest<P>(EventType<P> type, Function<P, ?> key, ToLongFunction<P> sequence, Consumer<P> apply,
            Inbox inbox) {
        record Position(Object key, long sequence) {
        }

        Position position(EventEnvelope envelope) {
            P payload = inbox.payload(envelope, type);
            return new Position(key.apply(payload), sequence.applyAsLong(payload));
        }

        Consumer<EventEnvelope> handler() {
            return envelope -> apply.accept(inbox.payload(envelope, type));
        }
    }
}
