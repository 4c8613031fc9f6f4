package app.convene.backbone.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import app.convene.backbone.event.CloudEventHeaders;

/**
 * Carries a trace across the outbox and Kafka. The context of whatever appends an event (an HTTP request's span, or
 * the consumer span of an event being applied) is kept with its outbox row in W3C form; the relay sends the row in a
 * producer span that is a child of that context and passes the producer span on in the record as the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}, {@code ce_tracestate}); a consumer applies the record in a
 * consumer span that is a child of the producer's. So one trace runs from a request through every hop it causes.
 * <p>
 * With tracing off ({@code quarkus.otel.sdk.disabled}, the default) nothing is kept or sent and every span is a
 * no-op, as Quarkus's own instrumentation does then (the disabled SDK would still make spans, exported nowhere).
 */
@ApplicationScoped
public class EventTracing {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    @Inject
    Tracer tracer;
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean disabled;

    /** A trace context in W3C form ({@code tracestate} may be null). */
    public record TraceContext(String traceparent, String tracestate) {
    }

    /** The context of the current span, to keep with an outbox row; null when there is none (or tracing is off). */
    public TraceContext current() {
        if (disabled) {
            return null;
        }
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, carrier.get(TRACESTATE));
    }

    /**
     * Starts the producer span of one outbox row, a child of the context kept with it (a new trace when none was
     * kept); the caller ends it when the broker has answered.
     */
    public Span startSend(String topic, String eventId, String type, String source, String key, TraceContext kept) {
        if (disabled) {
            return Span.getInvalid();
        }
        Context parent = Context.root();
        if (kept != null && kept.traceparent() != null) {
            Map<String, String> carrier = new HashMap<>();
            carrier.put(TRACEPARENT, kept.traceparent());
            if (kept.tracestate() != null) {
                carrier.put(TRACESTATE, kept.tracestate());
            }
            parent = W3C.extract(Context.root(), carrier, MapGetter.INSTANCE);
        }
        SpanBuilder span = tracer.spanBuilder("send " + topic).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.operation.type", "send");
        return describe(span, topic, eventId, type, source, key).startSpan();
    }

    /** Writes the span's context into the record's headers as {@code ce_traceparent} and {@code ce_tracestate}. */
    public static void inject(Span span, Headers headers) {
        if (!span.getSpanContext().isValid()) {
            return;
        }
        W3C.inject(Context.root().with(span), headers, (carrier, name, value) -> {
            String header = CloudEventHeaders.PREFIX + name;
            carrier.remove(header);
            carrier.add(header, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * Starts the consumer span in which {@code consumer} applies a record: a child of the producer span named by the
     * record's {@code ce_traceparent}, or a new trace when the record names none (or an unreadable one).
     */
    public Span startProcess(String consumer, ConsumerRecord<String, String> record) {
        if (disabled) {
            return Span.getInvalid();
        }
        return process(consumer, record).setParent(sentContext(record.headers())).startSpan();
    }

    /**
     * Starts the span in which a dead letter is applied again: a child of the current span (the operator's request),
     * linked to the trace the record was sent in.
     */
    public Span startRedelivery(String consumer, ConsumerRecord<String, String> record) {
        if (disabled) {
            return Span.getInvalid();
        }
        SpanBuilder span = process(consumer, record).setParent(Context.current())
                .setAttribute("convene.dead_letter.redrive", true);
        SpanContext sent = Span.fromContext(sentContext(record.headers())).getSpanContext();
        if (sent.isValid()) {
            span.addLink(sent);
        }
        return span.startSpan();
    }

    /** Marks the span as failed by {@code failure} (the caller still ends it). */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }

    private SpanBuilder process(String consumer, ConsumerRecord<String, String> record) {
        SpanBuilder span = tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset());
        return describe(span, record.topic(), header(record.headers(), CloudEventHeaders.ID),
                header(record.headers(), CloudEventHeaders.TYPE), header(record.headers(), CloudEventHeaders.SOURCE),
                record.key());
    }

    private static SpanBuilder describe(SpanBuilder span, String topic, String eventId, String type, String source,
            String key) {
        span.setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic);
        if (eventId != null) {
            span.setAttribute("messaging.message.id", eventId).setAttribute("cloudevents.event_id", eventId);
        }
        if (type != null) {
            span.setAttribute("cloudevents.event_type", type);
        }
        if (source != null) {
            span.setAttribute("cloudevents.event_source", source);
        }
        if (key != null) {
            span.setAttribute("messaging.kafka.message.key", key).setAttribute("cloudevents.event_subject", key);
        }
        return span;
    }

    /** The producer's context named by {@code ce_traceparent}/{@code ce_tracestate}, or the root context. */
    static Context sentContext(Headers headers) {
        return W3C.extract(Context.root(), headers, HeadersGetter.INSTANCE);
    }

    private static String header(Headers headers, String name) {
        return CloudEventHeaders.text(headers, name);
    }

    /** Reads {@code traceparent} and {@code tracestate} from their CloudEvents headers. */
    private enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                if (header.key().startsWith(CloudEventHeaders.PREFIX)) {
                    keys.add(header.key().substring(CloudEventHeaders.PREFIX.length()));
                }
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : header(headers, CloudEventHeaders.PREFIX + key);
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
