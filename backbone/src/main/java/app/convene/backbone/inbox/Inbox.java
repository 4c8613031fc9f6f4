package app.convene.backbone.inbox;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventEnvelope;
import app.convene.backbone.event.EventType;
import app.convene.backbone.event.PoisonEventException;

/**
 * Idempotent receipt of events. The event id is inserted first, in the consumer's transaction; a clash means the
 * event was handled before, and the effect is skipped. The effect and the receipt commit or roll back together.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

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

    /**
     * Reads the record, skips it if this consumer handled it before, and otherwise hands it to the handler
     * registered for its type. Types the consumer has no handler for are acknowledged and ignored; a known fact in a
     * version without a handler, or an unreadable record, is a {@link PoisonEventException} (dead-letter topic).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String consumer, ConsumerRecord<String, String> record, Handlers handlers) {
        EventEnvelope envelope = EventEnvelope.fromRecord(record);
        Consumer<EventEnvelope> handler = handlers.byName.get(envelope.type());
        if (handler == null) {
            String unversioned = envelope.type().replaceFirst("\\.v\\d+$", "");
            if (handlers.knownFacts.containsKey(unversioned)) {
                throw new PoisonEventException(consumer + " does not read version " + envelope.version() + " of "
                        + unversioned);
            }
            LOG.debugf("%s ignores %s", consumer, envelope.type());
            return;
        }
        if (!firstDelivery(consumer, envelope.id(), envelope.type())) {
            LOG.debugf("%s already handled %s %s", consumer, envelope.type(), envelope.id());
            return;
        }
        handler.accept(envelope);
    }

    /** The payload of an envelope as its contract's record. */
    public <P> P payload(EventEnvelope envelope, EventType<P> type) {
        return envelope.payload(type, objectMapper);
    }

    public Handlers handlers() {
        return new Handlers(this);
    }

    /** Which event types a consumer reads, and what it does with each. */
    public static final class Handlers {
        private final Inbox inbox;
        private final Map<String, Consumer<EventEnvelope>> byName = new java.util.HashMap<>();
        private final Map<String, Boolean> knownFacts = new java.util.HashMap<>();

        private Handlers(Inbox inbox) {
            this.inbox = inbox;
        }

        public <P> Handlers on(EventType<P> type, Consumer<P> handler) {
            byName.put(type.name(), envelope -> handler.accept(inbox.payload(envelope, type)));
            knownFacts.put(type.unversionedName(), Boolean.TRUE);
            return this;
        }
    }
}
