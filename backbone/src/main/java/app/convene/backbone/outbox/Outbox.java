package app.convene.backbone.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * caller's span (when tracing is on) is kept with the event, so the relay can send it on in the same trace.
 */
@ApplicationScoped
public class Outbox {
    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager entityManager;
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
        entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, event_version,
                                          payload, occurred_at, traceparent, tracestate)
                values (:eventId, :topic, :aggregateType, :aggregateId, :eventType, :version, cast(:payload as jsonb),
                        :occurredAt, cast(:traceparent as text), cast(:tracestate as text))
                """)
                .setParameter("eventId", eventId)
                .setParameter("topic", type.topic())
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", String.valueOf(aggregateId))
                .setParameter("eventType", type.name())
                .setParameter("version", type.version())
                .setParameter("payload", json)
                .setParameter("occurredAt", Instant.now())
                .setParameter("traceparent", trace == null ? null : trace.traceparent())
                .setParameter("tracestate", trace == null ? null : trace.tracestate())
                .executeUpdate();
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
