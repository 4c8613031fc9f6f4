package app.convene.backbone.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes are {@code ce_}-prefixed headers and the
 * record value is the JSON payload. {@code ce_eventversion} is our extension attribute carrying the payload version;
 * {@code ce_traceparent} and {@code ce_tracestate} (the distributed-tracing extension) are added by the relay when
 * tracing is on ({@link app.convene.backbone.tracing.EventTracing}).
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String EVENT_VERSION = "ce_eventversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
    /** The prefix of every CloudEvents attribute header in binary content mode. */
    public static final String PREFIX = "ce_";
    /** The distributed-tracing extension: the W3C trace context of the span that sent the event. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String TRACESTATE = "ce_tracestate";

    private CloudEventHeaders() {
    }

    /** The headers of one event in binary content mode. */
    public static Headers of(UUID id, String source, String type, int version, Instant time, String subject) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPECVERSION, SPEC_VERSION);
        add(headers, ID, id.toString());
        add(headers, SOURCE, source);
        add(headers, TYPE, type);
        add(headers, TIME, time.toString());
        add(headers, SUBJECT, subject);
        add(headers, EVENT_VERSION, Integer.toString(version));
        add(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /** The last header named {@code name} as text, or null when there is none or it has no value. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event id {@code ce_id} names, or null when there is none that reads as one. */
    public static UUID idOf(Headers headers) {
        String id = text(headers, ID);
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
