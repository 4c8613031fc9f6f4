package app.convene.backbone.inbox;

import static app.convene.backbone.sample.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.Records;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleEvents.Counted;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.sample.Tallies;
import app.convene.backbone.sample.TallyConsumer;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer side of the backbone: each event is applied once however often it arrives, an effect and its receipt
 * commit or roll back together, and a record that can never be applied is set aside with its reason while the
 * records behind it are applied.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class InboxTest {
    private static final String TOPIC = SampleEvents.TALLY_COUNTED.topic();
    private static final String DEAD_LETTER = DeadLetters.topicFor(TallyConsumer.CONSUMER);

    @Inject
    DataSource dataSource;
    @Inject
    InboxPruning pruning;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        String counter = counter();
        UUID once = UUID.randomUUID();
        send(EventRecords.withId(once, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 5)));
        // The same event again (a redelivery, here even with another body), then a new one behind it.
        send(EventRecords.withId(once, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 100)));
        UUID next = UUID.randomUUID();
        send(EventRecords.withId(next, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 2)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receipts(next)).isEqualTo(1));
        assertThat(total(counter)).isEqualTo(7);
        assertThat(receipts(once)).isEqualTo(1);
        assertThat(Tallies.attempts(counter)).isEqualTo(2);
    }

    @Test
    void anEffectThatFailsRollsBackWithItsReceiptAndItsRetryAppliesItOnce() {
        String counter = counter();
        UUID event = UUID.randomUUID();
        // The effect adds 3 and then meets a serialization failure; a second attempt succeeds.
        send(EventRecords.withId(event, SampleEvents.TALLY_COUNTED, counter, new Counted(counter, 3, "clash-once")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receipts(event)).isEqualTo(1));
        // Had the receipt of the first attempt stayed, the second would have been skipped (one attempt); had its
        // addition stayed, the total would be 6.
        assertThat(Tallies.attempts(counter)).isEqualTo(2);
        assertThat(total(counter)).isEqualTo(3);
        assertThat(deadLetters(counter)).isEmpty();
    }

    @Test
    void anEffectThatFailsUnexpectedlyIsSetAsideLeavingNeitherReceiptNorEffect() {
        String counter = counter();
        UUID failing = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        send(EventRecords.withId(failing, SampleEvents.TALLY_COUNTED, counter, new Counted(counter, 4, "bug")));
        send(EventRecords.withId(next, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receipts(next)).isEqualTo(1));
        assertThat(total(counter)).isEqualTo(1);
        assertThat(receipts(failing)).isZero();
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(counter), records -> !records.isEmpty());
        assertThat(dead).extracting(r -> header(r, "ce_id")).containsExactly(failing.toString());
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("failed half-way");
        assertThat(header(dead.get(0), "dead-letter-cause")).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheRecordsBehindItAreApplied() {
        String counter = counter();
        UUID poison = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        ProducerRecord<String, String> record = EventRecords.withId(poison, SampleEvents.TALLY_COUNTED, counter,
                new Counted(counter, 50, "poison"));
        send(record);
        send(EventRecords.withId(next, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receipts(next)).isEqualTo(1));
        assertThat(total(counter)).isEqualTo(1);
        assertThat(receipts(poison)).isZero();
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(counter), records -> !records.isEmpty());
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> setAside = dead.get(0);
        // The record itself, headers and all, plus why and where from.
        assertThat(setAside.key()).isEqualTo(counter);
        assertThat(setAside.value()).isEqualTo(record.value());
        assertThat(header(setAside, "ce_id")).isEqualTo(poison.toString());
        assertThat(header(setAside, "ce_type")).isEqualTo("tally.counted.v1");
        assertThat(header(setAside, "dead-letter-reason")).isEqualTo("counter " + counter + " is closed");
        assertThat(header(setAside, "dead-letter-cause")).isEqualTo(PoisonEventException.class.getName());
        assertThat(header(setAside, "dead-letter-topic")).isEqualTo(TOPIC);
        ConsumerRecord<String, String> original = await().atMost(Duration.ofSeconds(30))
                .until(() -> Records.withKey(TOPIC, counter).stream()
                        .filter(r -> poison.toString().equals(header(r, "ce_id"))).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(header(setAside, "dead-letter-partition")).isEqualTo(Integer.toString(original.partition()));
        assertThat(header(setAside, "dead-letter-offset")).isEqualTo(Long.toString(original.offset()));
    }

    @Test
    void unreadableRecordsAndUnknownVersionsAreSetAsideAndFactsNobodyReadsAreIgnored() {
        String counter = counter();
        UUID notJson = UUID.randomUUID();
        UUID futureVersion = UUID.randomUUID();
        UUID unknownFact = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        send(EventRecords.raw(notJson, "tally.counted.v1", 1, TOPIC, counter, "{\"counter\": \"not json"));
        send(new ProducerRecord<>(TOPIC, counter, "{\"counter\":\"" + counter + "\",\"amount\":1}"));
        send(EventRecords.raw(futureVersion, "tally.counted.v2", 2, TOPIC, counter, "{}"));
        send(EventRecords.raw(unknownFact, "tally.reset.v1", 1, TOPIC, counter, "{}"));
        send(EventRecords.withId(next, SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receipts(next)).isEqualTo(1));
        assertThat(total(counter)).isEqualTo(1);
        assertThat(receipts(notJson) + receipts(futureVersion) + receipts(unknownFact)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = deadLetters(counter);
            assertThat(dead).hasSize(3);
            assertThat(dead.get(0)).satisfies(r -> {
                assertThat(header(r, "ce_id")).isEqualTo(notJson.toString());
                assertThat(header(r, "dead-letter-reason")).contains("does not fit its contract");
            });
            // The record without CloudEvents headers.
            assertThat(dead.get(1)).satisfies(r -> {
                assertThat(header(r, "ce_id")).isNull();
                assertThat(header(r, "dead-letter-reason")).contains("ce_specversion");
            });
            assertThat(dead.get(2)).satisfies(r -> {
                assertThat(header(r, "ce_id")).isEqualTo(futureVersion.toString());
                assertThat(header(r, "dead-letter-reason")).contains("does not read version 2 of tally.counted");
            });
        });
    }

    @Test
    void receiptsOlderThanTheRetentionAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Database.execute(dataSource, "insert into inbox_event (consumer, event_id, event_type, received_at) values "
                + "('pruning-story', '" + old + "', 'tally.counted.v1', now() - interval '15 days'), "
                + "('pruning-story', '" + recent + "', 'tally.counted.v1', now() - interval '13 days')");

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);

        assertThat(receipts(old)).isZero();
        assertThat(receipts(recent)).isEqualTo(1);
    }

    private static String counter() {
        return "counter-" + UUID.randomUUID();
    }

    private static void send(ProducerRecord<String, String> record) {
        KafkaBroker.send(record);
    }

    private long receipts(UUID eventId) {
        return Database.count(dataSource, "select count(*) from inbox_event where event_id = ?", eventId);
    }

    private long total(String counter) {
        List<List<Object>> rows = Database.rows(dataSource, "select total from tally where counter = ?", counter);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String counter) {
        return Records.withKey(DEAD_LETTER, counter);
    }
}
