package app.convene.backbone.testing;

import java.time.Instant;
import java.util.UUID;

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
