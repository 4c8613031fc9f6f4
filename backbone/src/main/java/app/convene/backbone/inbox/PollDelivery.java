package app.convene.backbone.inbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import app.convene.backbone.event.EventEnvelope;
import app.convene.backbone.inbox.Inbox.Handlers;
import app.convene.backbone.inbox.Inbox.Newest;
import app.convene.backbone.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The records of one poll, applied together in one transaction; each record still has its own receipt in the inbox, so
 * a redelivered event id is skipped as {@link Inbox#deliver} skips it.
 * <ul>
 * <li>They are applied in the order of their keys, each key's records in the order they came. Kafka keeps order per key
 * only (records of different keys share a partition by chance), so nothing is lost; and the consumers of a service
 * that lock the same rows (an event's, keyed by its id) lock them in one order, so two polls cannot deadlock.</li>
 * <li>Records of types the consumer does not read are acknowledged without a transaction (nor a span).</li>
 * <li>Of the records registered with {@link Handlers#onNewest} that share a key (an event's headcounts), only the one
 * with the highest sequence reaches that handler; the others are recorded in the inbox as handled.</li>
 * <li>When the poll cannot be applied (a poison record, a clash, the database away), nothing of it stays, and its
 * records are delivered one by one exactly as {@link Inbox#deliver} does, without coalescing: a poison record goes to
 * the dead letters alone, the others are applied once, an unreachable database is waited for.</li>
 * </ul>
 */
final class PollDelivery {
    private static final Logger LOG = Logger.getLogger(PollDelivery.class);

    private final Inbox inbox;

    PollDelivery(Inbox inbox) {
        this.inbox = inbox;
    }

    void deliver(String consumer, Iterable<ConsumerRecord<String, String>> records, Handlers handlers) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (!ignored(record, handlers)) {
                read.add(record);
            }
        }
        if (read.isEmpty()) {
            return;
        }
        read.sort(Comparator.comparing(ConsumerRecord::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (read.size() == 1) {
            inbox.deliver(consumer, read.get(0), handlers);
            return;
        }
        List<Span> spans = new ArrayList<>(read.size());
        for (ConsumerRecord<String, String> record : read) {
            spans.add(inbox.tracing.startProcess(consumer, record));
        }
        try {
            // A poll holding a record that hung before the last restart is applied record by record, so that the one
            // that hangs is found and set aside (HungRecords).
            if (inbox.hungRecords.anyNoted(consumer, read) || !applyTogether(consumer, read, handlers, spans)) {
                for (int i = 0; i < read.size(); i++) {
                    Span span = spans.get(i);
                    try (Scope scope = span.makeCurrent()) {
                        inbox.applyUntilDone(consumer, read.get(i), handlers, span);
                    } catch (RuntimeException e) {
                        EventTracing.failed(span, e);
                        throw e;
                    }
                }
            }
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** One attempt at applying the records in one transaction; false when it rolled back. */
    private boolean applyTogether(String consumer, List<ConsumerRecord<String, String>> records, Handlers handlers,
            List<Span> spans) {
        if (inbox.stopping()) {
            throw new Inbox.RefusedAtStop(consumer, null);
        }
        String channel = handlers.channelOf(records.get(0).topic());
        inbox.attemptStarted(channel, consumer, records);
        try {
            QuarkusTransaction.requiringNew().run(() -> inbox.gathered(() -> {
                Set<UUID> fresh = inbox.firstDeliveries(consumer, handled(records, handlers));
                Set<ConsumerRecord<String, String>> superseded = superseded(records, handlers, fresh);
                Set<UUID> unapplied = new HashSet<>(fresh);
                for (int i = 0; i < records.size(); i++) {
                    try (Scope scope = spans.get(i).makeCurrent()) {
                        ConsumerRecord<String, String> record = records.get(i);
                        inbox.apply(consumer, record, handlers, superseded.contains(record),
                                envelope -> unapplied.remove(envelope.id()));
                    }
                }
            }));
            inbox.resumed(channel);
            return true;
        } catch (RuntimeException e) {
            if (inbox.stopping()) {
                throw new Inbox.RefusedAtStop(consumer, e);
            }
            LOG.infof("%s applies %d records one by one, as the batch could not be applied: %s", consumer,
                    records.size(), Inbox.rootMessage(e));
            return false;
        } finally {
            inbox.attemptEnded(channel, consumer);
        }
    }

    /**
     * The envelopes of the records a handler will take, whose receipts the poll records in one statement. A record
     * that cannot be read, or that the consumer knows in another version only, is left out: applying it sets it aside
     * and rolls the poll back.
     */
    private static List<EventEnvelope> handled(List<ConsumerRecord<String, String>> records, Handlers handlers) {
        List<EventEnvelope> handled = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EventEnvelope.fromRecord(record);
                if (handlers.reads(envelope.type())) {
                    handled.add(envelope);
                }
            } catch (RuntimeException unreadable) {
                // set aside when applied
            }
        }
        return handled;
    }

    /**
     * True for a record of a type the consumer neither reads nor knows in another version: nothing to apply. A record
     * that cannot be read is not ignored (it is set aside when applied).
     */
    private static boolean ignored(ConsumerRecord<String, String> record, Handlers handlers) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromRecord(record);
        } catch (RuntimeException unreadable) {
            return false;
        }
        return !handlers.reads(envelope.type())
                && !handlers.knownFacts.containsKey(envelope.type().replaceFirst("\\.v\\d+$", ""));
    }

    /**
     * The records whose newest-only handler ({@link Handlers#onNewest}) is skipped. Per key, only a record at the
     * poll's highest sequence for that key can be applied, and only the first occurrence of an event this consumer has
     * not handled before ({@code fresh}): a copy of it later in the poll (the relay sent it again) is skipped as
     * already handled and must not take the newest's place. When every record at the highest sequence was handled
     * before, the newest-only handler already saw it and none runs. A record that cannot be read supersedes nothing
     * and is superseded by nothing: applying it sets it aside.
     */
    private static Set<ConsumerRecord<String, String>> superseded(List<ConsumerRecord<String, String>> records,
            Handlers handlers, Set<UUID> fresh) {
        if (handlers.newest.isEmpty()) {
            return Set.of();
        }
        record Candidate(ConsumerRecord<String, String> record, List<Object> key, long sequence, boolean applies) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<List<Object>, Long> highest = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EventEnvelope.fromRecord(record);
                Newest<?> newest = handlers.newest.get(envelope.type());
                if (newest == null) {
                    continue;
                }
                Newest.Position position = newest.position(envelope);
                List<Object> key = List.of(envelope.type(), position.key());
                boolean applies = fresh.contains(envelope.id()) && seen.add(envelope.id());
                candidates.add(new Candidate(record, key, position.sequence(), applies));
                highest.merge(key, position.sequence(), Math::max);
            } catch (RuntimeException unreadable) {
                // applied (and set aside) on its own turn
            }
        }
        Set<ConsumerRecord<String, String>> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<List<Object>> chosen = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.applies() && candidate.sequence() == highest.get(candidate.key())
                    && chosen.add(candidate.key())) {
                continue;
            }
            superseded.add(candidate.record());
        }
        return superseded;
    }
}
