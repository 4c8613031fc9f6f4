package app.convene.backbone.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * What each incoming channel is doing, as the inbox sees it, and the lever to stop and restart its fetching.
 * <p>
 * When a record cannot be applied because something its effect needs is unreachable (the database), the inbox keeps
 * the record (no acknowledgement, so its offset is not committed) and {@link #waiting waits}: the channel's partitions
 * are paused, so nothing more is fetched, and readiness reports the channel and what it waits for. When the record is
 * finally applied the channel is {@link #resumed resumed}. Liveness stays up throughout: a wait is not a fault that a
 * restart would cure. It goes down only when a single attempt has been running for longer than
 * {@code backbone.inbox.stuck-after}, which no healthy attempt does (each is bounded by its transaction's timeout).
 */
@ApplicationScoped
public class ConsumerChannels {
    private static final Logger LOG = Logger.getLogger(ConsumerChannels.class);
    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    @Inject
    KafkaClientService kafka;
    @Inject
    Config config;
    @Inject
    MeterRegistry meters;

    private final Map<String, ChannelState> states = new ConcurrentHashMap<>();
    private volatile Map<String, String> channelByTopic;
    private volatile List<String> channelNames;

    /** A channel's state; {@code waitingFor} is null unless it waits. */
    public record Wait(String waitingFor, Instant since, String reason) {
    }

    static final class ChannelState {
        volatile Wait wait;
        volatile Instant attemptStartedAt;
        /** The records the current attempt applies; described only when it is stuck. */
        volatile List<ConsumerRecord<String, String>> attemptOn;
        /** The consumer (inbox name) the current attempt applies the records for. */
        volatile String attemptBy;
        /** Whether the current attempt's records were noted as hung ({@link HungRecords}). */
        volatile boolean attemptNoted;
        volatile boolean pausedByInbox;
        final AtomicLong lag = new AtomicLong();
    }

    void onStart(@Observes StartupEvent event) {
        for (String channel : channelNames()) {
            ChannelState state = state(channel);
            Gauge.builder("inbox.consumer.lag", state.lag, AtomicLong::get).tag("channel", channel)
                    .description("Records on the channel's assigned partitions not yet applied (end offset minus "
                            + "committed offset)")
                    .register(meters);
        }
    }

    /**
     * Stops every incoming channel fetching, at once (the service stops): each consumer pauses its partitions on its
     * polling thread, once its current poll returns. Records fetched already still reach the channel's method.
     */
    void pauseAll() {
        List<Uni<Void>> pauses = new ArrayList<>();
        for (String channel : channelNames()) {
            KafkaConsumer<Object, Object> consumer = consumer(channel);
            if (consumer != null) {
                pauses.add(consumer.pause().replaceWithVoid().onFailure().recoverWithNull());
            }
        }
        if (!pauses.isEmpty()) {
            try {
                Uni.join().all(pauses).andCollectFailures().await().atMost(Duration.ofSeconds(3));
            } catch (RuntimeException e) {
                LOG.debugf("Not every channel was paused for the stop: %s", e.getMessage());
            }
        }
    }

    /** The incoming channel reading {@code topic} (from {@code mp.messaging.incoming.<channel>.topic}), if any. */
    public Optional<String> channelOf(String topic) {
        return Optional.ofNullable(channelByTopic().get(topic));
    }

    void attemptStarted(String channel, String consumer, List<ConsumerRecord<String, String>> on) {
        ChannelState state = state(channel);
        state.attemptOn = on;
        state.attemptBy = consumer;
        state.attemptNoted = false;
        state.attemptStartedAt = Instant.now();
    }

    /** The attempt ended; returns its records when they had been noted as hung, else null. */
    List<ConsumerRecord<String, String>> attemptEnded(String channel) {
        ChannelState state = state(channel);
        synchronized (state) {
            List<ConsumerRecord<String, String>> noted = state.attemptNoted ? state.attemptOn : null;
            state.attemptStartedAt = null;
            state.attemptOn = null;
            state.attemptNoted = false;
            return noted;
        }
    }

    /** An attempt running past the limit whose records are not noted yet: its channel, consumer and records. */
    record HungAttempt(String channel, String consumer, List<ConsumerRecord<String, String>> records) {
    }

    /** The attempts running for longer than {@code limit} whose records have not been noted. */
    List<HungAttempt> hungUnnoted(Duration limit) {
        List<HungAttempt> hung = new ArrayList<>();
        Instant now = Instant.now();
        states.forEach((channel, state) -> {
            List<ConsumerRecord<String, String>> on = state.attemptOn;
            String consumer = state.attemptBy;
            Instant started = state.attemptStartedAt;
            if (started != null && on != null && consumer != null && !state.attemptNoted
                    && Duration.between(started, now).compareTo(limit) > 0) {
                hung.add(new HungAttempt(channel, consumer, on));
            }
        });
        return hung;
    }

    /** The attempt's records are noted, if it is still the channel's current attempt. */
    void noted(HungAttempt attempt) {
        ChannelState state = state(attempt.channel());
        synchronized (state) {
            if (state.attemptOn == attempt.records()) {
                state.attemptNoted = true;
            }
        }
    }

    /** An attempt running for longer than it should, and the records it applies. */
    public record Stuck(Duration running, String on) {
    }

    /**
     * The channel cannot go on until {@code what} is reachable again: stop fetching (pause every assigned partition;
     * partitions assigned later by a rebalance are paused too) and say so in readiness. Called on every failed
     * attempt, so a pause undone behind the inbox's back is made again.
     */
    void waiting(String channel, String what, String reason) {
        ChannelState state = state(channel);
        Wait current = state.wait;
        if (current == null) {
            LOG.warnf("Channel %s waits for the %s and stops fetching: %s", channel, what, reason);
            state.wait = new Wait(what, Instant.now(), reason);
        } else {
            state.wait = new Wait(what, current.since(), reason);
        }
        KafkaConsumer<Object, Object> consumer = consumer(channel);
        if (consumer != null) {
            try {
                consumer.pause().await().atMost(Duration.ofSeconds(10));
                state.pausedByInbox = true;
            } catch (RuntimeException e) {
                LOG.warnf("Channel %s could not be paused: %s", channel, e.getMessage());
            }
        }
    }

    /** The record the channel waited on has been applied (or set aside): fetch again. */
    void resumed(String channel) {
        ChannelState state = state(channel);
        Wait wait = state.wait;
        if (wait == null) {
            return;
        }
        state.wait = null;
        LOG.infof("Channel %s goes on: the %s is back after %d s", channel, wait.waitingFor(),
                Duration.between(wait.since(), Instant.now()).toSeconds());
        KafkaConsumer<Object, Object> consumer = consumer(channel);
        if (consumer != null && state.pausedByInbox) {
            try {
                consumer.resume().await().atMost(Duration.ofSeconds(10));
                state.pausedByInbox = false;
            } catch (RuntimeException e) {
                LOG.warnf("Channel %s could not be resumed: %s", channel, e.getMessage());
            }
        }
    }

    /** Channels waiting for something, by name. */
    public Map<String, Wait> waiting() {
        Map<String, Wait> waiting = new HashMap<>();
        states.forEach((channel, state) -> {
            Wait wait = state.wait;
            if (wait != null) {
                waiting.put(channel, wait);
            }
        });
        return waiting;
    }

    /** Channels whose current attempt has run for longer than {@code limit}, with its duration and records. */
    public Map<String, Stuck> stuck(Duration limit) {
        Map<String, Stuck> stuck = new HashMap<>();
        Instant now = Instant.now();
        states.forEach((channel, state) -> {
            List<ConsumerRecord<String, String>> on = state.attemptOn;
            Instant started = state.attemptStartedAt;
            if (started != null && Duration.between(started, now).compareTo(limit) > 0) {
                stuck.put(channel, new Stuck(Duration.between(started, now), on == null ? "" : positions(on)));
            }
        });
        return stuck;
    }

    /** Refreshes {@code inbox.consumer.lag}: per channel, end offset minus committed offset over its partitions. */
    @Scheduled(every = "${backbone.inbox.lag-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measureLag() {
        for (String channel : channelNames()) {
            KafkaConsumer<Object, Object> consumer = consumer(channel);
            if (consumer == null) {
                continue;
            }
            try {
                Long lag = consumer.runOnPollingThread(c -> {
                    Set<TopicPartition> assigned = c.assignment();
                    if (assigned.isEmpty()) {
                        return 0L;
                    }
                    Map<TopicPartition, Long> ends = c.endOffsets(assigned, Duration.ofSeconds(2));
                    Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned, Duration.ofSeconds(2));
                    long total = 0;
                    for (TopicPartition partition : assigned) {
                        OffsetAndMetadata done = committed.get(partition);
                        long end = ends.getOrDefault(partition, 0L);
                        total += Math.max(0, end - (done == null ? c.beginningOffsets(Set.of(partition),
                                Duration.ofSeconds(2)).getOrDefault(partition, 0L) : done.offset()));
                    }
                    return total;
                }).await().atMost(Duration.ofSeconds(10));
                state(channel).lag.set(lag);
            } catch (RuntimeException e) {
                LOG.debugf("Lag of channel %s not measured: %s", channel, e.getMessage());
            }
        }
    }

    private ChannelState state(String channel) {
        return states.computeIfAbsent(channel, c -> new ChannelState());
    }

    private KafkaConsumer<Object, Object> consumer(String channel) {
        try {
            return kafka.getConsumer(channel);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every incoming Kafka channel, by name (two channels may read one topic); read from the configuration once. */
    private List<String> channelNames() {
        List<String> known = channelNames;
        if (known == null) {
            List<String> names = new ArrayList<>();
            for (String name : config.getPropertyNames()) {
                Matcher connector = CONNECTOR.matcher(name);
                if (connector.matches() && "smallrye-kafka".equals(config.getOptionalValue(name, String.class)
                        .orElse(""))) {
                    names.add(connector.group(1));
                }
            }
            known = List.copyOf(names);
            channelNames = known;
        }
        return known;
    }

    private Map<String, String> channelByTopic() {
        Map<String, String> known = channelByTopic;
        if (known == null) {
            Map<String, String> topics = new HashMap<>();
            for (String channel : channelNames()) {
                String topic = config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                        .orElse(channel);
                topics.put(topic, channel);
            }
            known = Map.copyOf(topics);
            channelByTopic = known;
        }
        return known;
    }

    /**
     * Where the records are, for an operator: {@code registration.events-0@1761}, a poll's first few and how many
     * more ({@code registration.events-0@1761, registration.events-1@1517, ... and 498 more}).
     */
    static String positions(List<ConsumerRecord<String, String>> records) {
        int shown = Math.min(records.size(), 3);
        StringBuilder positions = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            positions.append(i == 0 ? "" : ", ").append(record.topic()).append('-').append(record.partition())
                    .append('@').append(record.offset());
        }
        if (records.size() > shown) {
            positions.append(" and ").append(records.size() - shown).append(" more");
        }
        return positions.toString();
    }
}
