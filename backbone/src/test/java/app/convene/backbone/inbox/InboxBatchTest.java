package app.convene.backbone.inbox;

import static app.convene.backbone.sample.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.Records;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleEvents.Counted;
import app.convene.backbone.sample.SampleEvents.LevelSet;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.sample.Tallies;
import app.convene.backbone.sample.TallyConsumer;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A consumer takes a poll's records at once: they are applied in one transaction, each still once however often it
 * arrives; of the levels of one counter in a poll only the newest is applied; and a poll that cannot be applied
 * leaves nothing behind and is applied record by record, a poison record going to the dead letters alone.
 * <p>
 * Most stories hand a poll to {@link Inbox#deliverAll} directly, so that its records are exactly the ones chosen;
 * the last one goes through Kafka, where the broker decides how records are grouped.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class InboxBatchTest {
    private static final String TOPIC = SampleEvents.TALLY_COUNTED.topic();
    private static final AtomicLong OFFSETS = new AtomicLong(3_000_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000L));

    @Inject
    Inbox inbox;
    @Inject
    DataSource dataSource;

    @Test
    void aPollIsAppliedOnceEachAndOnlyTheNewestLevelOfACounterIsApplied() {
        String counter = counter();
        UUID first = UUID.randomUUID();
        UUID level1 = UUID.randomUUID();
        UUID level3 = UUID.randomUUID();
        UUID level2 = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = polled(
                EventRecords.withId(first, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)),
                EventRecords.withId(level1, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 1, 10)),
                EventRecords.of(SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 2)),
                EventRecords.withId(level3, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 3, 30)),
                // Late: older than the one before it.
                EventRecords.withId(level2, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 2, 20)),
                // A redelivery within the same poll, and a fact nobody reads.
                EventRecords.withId(first, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 100)),
                EventRecords.raw(UUID.randomUUID(), "tally.reset.v1", 1, TOPIC, counter, "{}"));

        deliver(poll);

        assertThat(total(counter)).isEqualTo(3);
        assertThat(Tallies.attempts(counter)).isEqualTo(2);
        assertThat(total(counter + ":level")).isEqualTo(30);
        assertThat(Tallies.levelsApplied(counter)).containsExactly(3L);
        // Every record read is kept as handled, the superseded levels too, so none of them is applied later.
        assertThat(List.of(first, level1, level3, level2)).allSatisfy(id -> assertThat(receipts(id)).isEqualTo(1));

        // The same poll again (a rebalance before its offsets were committed): nothing is applied twice.
        deliver(poll);
        assertThat(total(counter)).isEqualTo(3);
        assertThat(Tallies.levelsApplied(counter)).containsExactly(3L);
    }

    @Test
    void theNewestLevelSentTwiceInOnePollIsStillAppliedAndAnOlderOneNeverTakesItsPlace() {
        String counter = counter();
        UUID level2 = UUID.randomUUID();
        UUID level3 = UUID.randomUUID();

        deliver(polled(
                EventRecords.withId(level2, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 2, 20)),
                EventRecords.withId(level3, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 3, 30)),
                // The relay sent level 3 again (the broker went away before acknowledging it): the same event, later
                // in the same poll. The copy is skipped; the first one still counts as the newest.
                EventRecords.withId(level3, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 3, 30))));

        assertThat(total(counter + ":level")).isEqualTo(30);
        assertThat(Tallies.levelsApplied(counter)).containsExactly(3L);

        // Level 3 once more, behind a level 1 nobody had seen: 3 was applied before, and 1 is older, so nothing runs.
        deliver(polled(
                EventRecords.withId(UUID.randomUUID(), SampleEvents.TALLY_LEVEL_SET, counter,
                        new LevelSet(counter, 1, 10)),
                EventRecords.withId(level3, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 3, 30))));

        assertThat(total(counter + ":level")).isEqualTo(30);
        assertThat(Tallies.levelsApplied(counter)).containsExactly(3L);
    }

    @Test
    void aPoisonRecordInAPollGoesToTheDeadLettersAloneAndTheOthersAreAppliedOnce() {
        String counter = counter();
        UUID before = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID level = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        deliver(polled(
                EventRecords.withId(before, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)),
                EventRecords.withId(poison, SampleEvents.TALLY_COUNTED, counter, new Counted(counter, 50, "poison")),
                EventRecords.withId(level, SampleEvents.TALLY_LEVEL_SET, counter, new LevelSet(counter, 7, 70)),
                EventRecords.withId(after, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 2))));

        assertThat(total(counter)).isEqualTo(3);
        assertThat(total(counter + ":level")).isEqualTo(70);
        assertThat(receipts(before) + receipts(level) + receipts(after)).isEqualTo(3);
        assertThat(receipts(poison)).isZero();
        assertThat(Database.count(dataSource, "select count(*) from dead_letter where record_key = ?", counter))
                .isEqualTo(1);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> Records.withKey(DeadLetters.topicFor(TallyConsumer.CONSUMER), counter),
                        records -> !records.isEmpty());
        assertThat(dead).extracting(r -> header(r, "ce_id")).containsExactly(poison.toString());
        assertThat(header(dead.get(0), "dead-letter-reason")).isEqualTo("counter " + counter + " is closed");
    }

    @Test
    void aPollThatClashesIsRolledBackWholeAndEachOfItsRecordsIsThenAppliedOnce() {
        // In key order: the applied counter first.
        String applied = "1-" + counter();
        String clashing = "2-" + counter();

        deliver(polled(EventRecords.of(SampleEvents.TALLY_COUNTED, applied, Counted.of(applied, 3)),
                EventRecords.of(SampleEvents.TALLY_COUNTED, clashing, new Counted(clashing, 4, "clash-once"))));

        // The first record's effect ran in the poll's transaction and again on its own: had the rolled-back one
        // stayed, its total would be 6.
        assertThat(Tallies.attempts(applied)).isEqualTo(2);
        assertThat(total(applied)).isEqualTo(3);
        assertThat(Tallies.attempts(clashing)).isEqualTo(2);
        assertThat(total(clashing)).isEqualTo(4);
    }

    @Test
    void manyRecordsSentAtOnceAreAllAppliedOnceAndTheLevelEndsAtTheNewest() throws Exception {
        String counter = counter();
        int records = 300;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 1; i <= records; i++) {
                UUID counted = UUID.randomUUID();
                UUID level = UUID.randomUUID();
                ids.add(counted);
                ids.add(level);
                producer.send(EventRecords.withId(counted, SampleEvents.TALLY_COUNTED, counter,
                        Counted.of(counter, 1)));
                producer.send(EventRecords.withId(level, SampleEvents.TALLY_LEVEL_SET, counter,
                        new LevelSet(counter, i, i)));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(total(counter)).isEqualTo(records));
        assertThat(total(counter + ":level")).isEqualTo(records);
        assertThat(Database.count(dataSource, "select count(*) from inbox_event where consumer = ? and event_id in ("
                + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")", TallyConsumer.CONSUMER))
                .isEqualTo(2L * records);
        // One key, one partition: the levels applied only ever grow.
        List<Long> levels = Tallies.levelsApplied(counter);
        assertThat(levels).isSorted().endsWith((long) records);
    }

    @Test
    void whatAPollAnnouncesIsKeptOnceInTheOrderItsRecordsAreAppliedAndNothingOfARolledBackAttemptStays() {
        String a = counter();
        String b = counter();
        // In key order: c, then the closed counter, then d.
        String c = "1-" + counter();
        String closed = "2-" + counter();
        String d = "3-" + counter();

        // The announcements of a poll are written together when it commits, in the order its records were applied:
        // the order of their keys.
        deliver(polled(EventRecords.of(SampleEvents.TALLY_COUNTED, a, new Counted(a, 1, "announce")),
                EventRecords.of(SampleEvents.TALLY_COUNTED, b, new Counted(b, 1, "announce"))));
        assertThat(announced(a, b)).containsExactlyElementsOf(memosInKeyOrder(a, b));

        // A poison record rolls the poll back: what the first attempt announced is gone, and each of the others,
        // applied on its own, announces once.
        deliver(polled(EventRecords.of(SampleEvents.TALLY_COUNTED, c, new Counted(c, 1, "announce")),
                EventRecords.of(SampleEvents.TALLY_COUNTED, closed, new Counted(closed, 1, "poison")),
                EventRecords.of(SampleEvents.TALLY_COUNTED, d, new Counted(d, 1, "announce"))));
        assertThat(Tallies.attempts(c)).isEqualTo(2);
        assertThat(announced(c, d)).containsExactlyElementsOf(memosInKeyOrder(c, d));
    }

    /** The memos the counters announce, in the order of the counters (the records' keys). */
    private static List<Object> memosInKeyOrder(String... counters) {
        return Arrays.stream(counters).sorted().<Object>map(counter -> Tallies.announcedMemo(counter).toString())
                .toList();
    }

    /** The memos announced for the counters, in the order they were written to the outbox. */
    private List<Object> announced(String... counters) {
        List<Object> memos = new ArrayList<>();
        for (List<Object> row : Database.rows(dataSource, "select aggregate_id from outbox_event "
                + "where aggregate_id = any(?) order by id", Arrays.stream(counters)
                        .map(counter -> Tallies.announcedMemo(counter).toString()).toList())) {
            memos.add(row.get(0));
        }
        return memos;
    }

    /**
     * Two consumers get polls about the same two counters in opposite order, each holding its first counter's row a
     * while. Applied in that order they would each wait for the other's row until PostgreSQL failed one of them; in
     * the order of their keys they take the rows one after the other, and every record is applied once.
     */
    @Test
    void twoPollsNamingTheSameKeysInOppositeOrderTakeTheirRowsInOneOrder() throws Exception {
        String[] counters = { counter(), counter() };
        Arrays.sort(counters);
        String first = counters[0];
        String second = counters[1];
        List<ConsumerRecord<String, String>> forward = polled(
                EventRecords.of(SampleEvents.TALLY_COUNTED, first, new Counted(first, 1, "hold")),
                EventRecords.of(SampleEvents.TALLY_COUNTED, second, Counted.of(second, 10)));
        List<ConsumerRecord<String, String>> backward = polled(
                EventRecords.of(SampleEvents.TALLY_COUNTED, second, new Counted(second, 100, "hold")),
                EventRecords.of(SampleEvents.TALLY_COUNTED, first, Counted.of(first, 1000)));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        Future<?> one = consumers.submit(() -> {
            go.await();
            deliver(TallyConsumer.CONSUMER, forward);
            return null;
        });
        Future<?> other = consumers.submit(() -> {
            go.await();
            deliver(TallyConsumer.CONSUMER + "-replica", backward);
            return null;
        });
        go.countDown();
        one.get();
        other.get();
        consumers.shutdown();

        assertThat(total(first)).isEqualTo(1001);
        assertThat(total(second)).isEqualTo(110);
        // Each counter's effect ran once per consumer: neither poll was rolled back and applied again.
        assertThat(Tallies.attempts(first)).isEqualTo(2);
        assertThat(Tallies.attempts(second)).isEqualTo(2);
    }

    private void deliver(List<ConsumerRecord<String, String>> poll) {
        deliver(TallyConsumer.CONSUMER, poll);
    }

    private void deliver(String consumer, List<ConsumerRecord<String, String>> poll) {
        inbox.deliverAll(consumer, poll, inbox.handlersOf(TallyConsumer.CONSUMER));
    }

    /** The records as one poll from partition 0 of their topic would hand them over. */
    @SafeVarargs
    private static List<ConsumerRecord<String, String>> polled(ProducerRecord<String, String>... sent) {
        return EventRecords.polled(OFFSETS, sent);
    }

    private static String counter() {
        return "counter-" + UUID.randomUUID();
    }

    private long receipts(UUID eventId) {
        return Database.count(dataSource, "select count(*) from inbox_event where event_id = ?", eventId);
    }

    private long total(String counter) {
        List<List<Object>> rows = Database.rows(dataSource, "select total from tally where counter = ?", counter);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }
}
