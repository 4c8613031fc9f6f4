package app.convene.backbone.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.problem.StrictJsonCustomizer;

/**
 * One received event: the CloudEvents attributes read from the record headers and the JSON payload.
 */
public record EventEnvelope(UUID id, String source, String type, int version, Instant time, String subject,
        String data) {

    /**
     * Reads a record in CloudEvents binary mode; an unreadable record is a {@link PoisonEventException}, and so is a
     * forged one: a {@code source} other than the topic's owner ({@link Topics#ownerOf}), or a type of another family
     * than the topic's ({@code venue.booked.v1} on {@code registration.events}).
     */
    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPECVERSION);
        if (!CloudEventHeaders.SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("missing or unsupported ce_specversion: " + specVersion);
        }
        String type = required(record, CloudEventHeaders.TYPE);
        String versionHeader = header(record, CloudEventHeaders.EVENT_VERSION);
        EventEnvelope envelope;
        try {
            int version = versionHeader == null ? versionOf(type) : Integer.parseInt(versionHeader);
            envelope = new EventEnvelope(UUID.fromString(required(record, CloudEventHeaders.ID)),
                    required(record, CloudEventHeaders.SOURCE), type, version,
                    Instant.parse(required(record, CloudEventHeaders.TIME)),
                    header(record, CloudEventHeaders.SUBJECT), record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("unreadable CloudEvents attributes: " + e.getMessage());
        }
        checkOrigin(record.topic(), envelope.source(), type);
        return envelope;
    }

    /**
     * The payload as the contract's record, read as it was announced: a property a newer version of the contract
     * added is skipped, and a year past four digits is read (an event announced before that rule still flows, see
     * {@link StrictJsonCustomizer#AS_ANNOUNCED}). A payload that does not fit is a {@link PoisonEventException}.
     */
    public <P> P payload(EventType<P> eventType, ObjectMapper mapper) {
        if (!eventType.name().equals(type)) {
            throw new IllegalArgumentException("envelope holds " + type + ", not " + eventType.name());
        }
        if (data == null) {
            throw new PoisonEventException(type + " without payload");
        }
        try {
            return mapper.readerFor(eventType.payloadType())
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .withAttribute(StrictJsonCustomizer.AS_ANNOUNCED, Boolean.TRUE)
                    .readValue(data);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + type + " does not fit its contract: "
                    + e.getOriginalMessage());
        }
    }

    private static void checkOrigin(String topic, String source, String type) {
        String family = Topics.familyOf(topic);
        if (family != null && !type.startsWith(family + ".")) {
            throw new PoisonEventException("type " + type + " does not belong on " + topic + " (family " + family
                    + "): refused as forged");
        }
        Topics.ownerOf(topic).filter(owner -> !owner.equals(source)).ifPresent(owner -> {
            throw new PoisonEventException("source " + source + " is not " + owner + ", the only publisher on " + topic
                    + ": refused as forged");
        });
    }

    private static int versionOf(String type) {
        int at = type.lastIndexOf(".v");
        if (at < 0) {
            throw new IllegalArgumentException("type without version: " + type);
        }
        return Integer.parseInt(type.substring(at + 2));
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}
