package app.convene.backbone.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventType;
import app.convene.backbone.tracing.EventTracing;

/**
 * Appends events to the transactional outbox. It joins the caller's transaction and refuses to run without one,
 * so an event is committed together with the state change it announces, or not at all. The trace context of the
 * caller's span (when tracing is on) is kept with the event, so the relay can send it on in the same trace. A change
 * made through the API writes its events together, with its audit entry, just before it commits ({@link GatheredWrites}).
 */
@ApplicationScoped
public class Outbox {
    private static final Object WAKE_KEY = new Object();

    @Inject
    GatheredWrites writes;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;
    @Inject
    EventTracing tracing;

    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID append(EventType<P> type, String aggregateType, Object aggregateId, P payload) {
        UUID eventId = UUID.randomUUID();
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + type + " cannot be written as JSON", e);
        }
        EventTracing.TraceContext trace = tracing.current();
        writes.add(new GatheredWrites.OutboxRow(eventId, type.topic(), aggregateType, String.valueOf(aggregateId),
                type.name(), type.version(), json, Instant.now(), trace == null ? null : trace.traceparent(),
                trace == null ? null : trace.tracestate()));
        wakeRelayAfterCommit();
        return eventId;
    }

    /** The fast path: the relay publishes right after this transaction commits instead of at the next sweep. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
