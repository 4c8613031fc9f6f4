package app.convene.backbone.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import app.convene.backbone.event.CloudEventHeaders;
import app.convene.backbone.event.EventType;
import app.convene.backbone.event.Topics;

/** Records exactly as another service's outbox relay would publish them, for consumer tests. */
public final class EventRecords {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventRecords() {
    }

    public static <P> ProducerRecord<String, String> of(EventType<P> type, Object aggregateId, P payload) {
        return withId(UUID.randomUUID(), type, aggregateId, payload);
    }

    /**
     * The records as one poll from partition 0 of their topic would hand them over, at the next offsets of
     * {@code offsets} (keep them far from what the broker gives the topic's records).
     */
    @SafeVarargs
    public static List<ConsumerRecord<String, String>> polled(AtomicLong offsets,
            ProducerRecord<String, String>... sent) {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (ProducerRecord<String, String> record : sent) {
            ConsumerRecord<String, String> received = new ConsumerRecord<>(record.topic(), 0,
                    offsets.getAndIncrement(), record.key(), record.value());
            record.headers().forEach(h -> received.headers().add(h));
            poll.add(received);
        }
        return poll;
    }

    /** The same id twice is a redelivery, whatever the payload. */
    public static <P> ProducerRecord<String, String> withId(UUID id, EventType<P> type, Object aggregateId,
            P payload) {
        try {
            return raw(id, type.name(), type.version(), type.topic(), String.valueOf(aggregateId),
                    JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Any type and body, e.g. a poison record, from the topic's owner (as its outbox relay would send it). */
    public static ProducerRecord<String, String> raw(UUID id, String type, int version, String topic, String key,
            String body) {
        return from(Topics.ownerOf(topic).orElse("/test"), id, type, version, topic, key, body);
    }

    /** A record claiming to come from {@code source}, e.g. a forged one. */
    public static ProducerRecord<String, String> from(String source, UUID id, String type, int version, String topic,
            String key, String body) {
        return new ProducerRecord<>(topic, null, key, body,
                CloudEventHeaders.of(id, source, type, version, Instant.now(), key));
    }
}
