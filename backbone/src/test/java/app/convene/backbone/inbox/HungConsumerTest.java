package app.convene.backbone.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
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
 * A handler that never ends holds its consumer: nothing behind its record is applied. Liveness goes down once the
 * attempt has run for longer than {@code backbone.inbox.stuck-after}, and names the channel and the records the attempt
 * applies, so an operator sees which record to look at; it comes back up when the attempt ends.
 * <p>
 * The records of such an attempt are noted ({@link HungRecords}), so that the start after the restart liveness asks
 * for does not hang on them again: a poll holding one is applied record by record, and a record that hung applied alone
 * is set aside unapplied. The notes a run leaves are written here as the run before a restart would have left them.
 */
@QuarkusTest
@TestProfile(HungConsumerTest.StuckSoon.class)
class HungConsumerTest {
    private static final String CONSUMERS = "checks.find { it.name == 'event consumers' }.";
    /** Offsets of the polls handed over directly, far from what the broker gives the topic's records. */
    private static final AtomicLong OFFSETS = new AtomicLong(5_000_000);

    public static class StuckSoon extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("backbone.inbox.stuck-after", "PT2S");
            config.put("backbone.inbox.hung-check-every", "1s");
            return config;
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    Inbox inbox;
    @Inject
    HungRecords hungRecords;

    @AfterEach
    void endHanging() {
        Tallies.endHanging();
    }

    @Test
    void anAttemptThatDoesNotEndTakesLivenessDownNamingItsRecordsUntilItEnds() {
        String hanging = "hanging-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        given().get("/q/health/live").then().statusCode(200);
        UUID hangingEvent = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(hangingEvent, SampleEvents.TALLY_COUNTED, hanging,
                new Counted(hanging, 1, "hang")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/live").then()
                .statusCode(503).body(CONSUMERS + "status", equalTo("DOWN"))
                .body(CONSUMERS + "data.'tally-events'", matchesPattern(
                        "one attempt has been running for \\d+ s, applying tally\\.events-\\d+@\\d+.*")));
        KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, hanging, Counted.of(behind, 2)));
        // Nothing behind it on its partition is applied while it runs.
        assertThat(total(behind)).isZero();
        // Its record is noted, as applied alone, for the start after a restart.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notes(hangingEvent))
                .singleElement().satisfies(note -> {
                    assertThat(note.get(0)).isEqualTo(Boolean.TRUE);
                    assertThat((String) note.get(1)).matches("tally\\.events-\\d+@\\d+");
                }));

        Tallies.endHanging();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/q/health/live").then().statusCode(200);
            assertThat(total(hanging)).isEqualTo(1);
            assertThat(total(behind)).isEqualTo(2);
        });
        // It ended by itself: nothing is left for a restart to guard against (the note goes right after the apply
        // commits, so it may be seen a moment longer than the tally).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notes(hangingEvent)).isEmpty());
    }

    @Test
    void aRecordThatHungAppliedAloneBeforeTheRestartIsSetAsideUnappliedAndTheRecordsBehindItAreApplied()
            throws Exception {
        String hanging = "hung-before-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        UUID hungEvent = UUID.randomUUID();
        noteAsTheLastRunDid(hungEvent, true);

        // The hung attempt had written its receipt; a database session that outlives its process (waiting on a lock,
        // it does not see the process go) still holds it, uncommitted.
        try (Connection outlived = dataSource.getConnection()) {
            outlived.setAutoCommit(false);
            try (PreparedStatement receipt = outlived.prepareStatement(
                    "insert into inbox_event (consumer, event_id, event_type) values (?, ?, 'tally.counted.v1')")) {
                receipt.setString(1, TallyConsumer.CONSUMER);
                receipt.setObject(2, hungEvent);
                receipt.executeUpdate();
            }
            KafkaBroker.send(EventRecords.withId(hungEvent, SampleEvents.TALLY_COUNTED, hanging,
                    new Counted(hanging, 1, "hang")));
            KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, hanging, Counted.of(behind, 2)));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(total(behind)).isEqualTo(2);
                assertThat(Database.rows(dataSource,
                        "select state, reason from dead_letter where consumer = ? and event_id = ?",
                        TallyConsumer.CONSUMER, hungEvent)).singleElement().satisfies(letter -> {
                            assertThat(letter.get(0)).isEqualTo("PENDING");
                            assertThat((String) letter.get(1))
                                    .contains("ran for longer than backbone.inbox.stuck-after")
                                    .contains("set aside unapplied");
                        });
            });
            outlived.rollback();
        }
        // Its handler never ran (it would have hung again), nor did its effect commit; the note is done with.
        assertThat(Tallies.attempts(hanging)).isZero();
        assertThat(total(hanging)).isZero();
        assertThat(Database.count(dataSource, "select count(*) from inbox_event where event_id = ?", hungEvent))
                .isZero();
        assertThat(notes(hungEvent)).isEmpty();
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aPollThatHeldAHungRecordIsAppliedRecordByRecordSoTheOneThatHangsIsFoundAndTheOthersGoOn() throws Exception {
        // The last run hung on a poll of these two records together.
        String applies = "a-applies-" + UUID.randomUUID();
        String hangs = "b-hangs-" + UUID.randomUUID();
        UUID appliesEvent = UUID.randomUUID();
        UUID hangsEvent = UUID.randomUUID();
        noteAsTheLastRunDid(appliesEvent, false);
        noteAsTheLastRunDid(hangsEvent, false);
        List<ConsumerRecord<String, String>> poll = polled(
                EventRecords.withId(appliesEvent, SampleEvents.TALLY_COUNTED, applies, Counted.of(applies, 3)),
                EventRecords.withId(hangsEvent, SampleEvents.TALLY_COUNTED, hangs, new Counted(hangs, 4, "hang")));

        ExecutorService consumerThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> delivered = consumerThread.submit(() -> inbox.deliverAll(TallyConsumer.CONSUMER, poll,
                    inbox.handlersOf(TallyConsumer.CONSUMER)));
            // Applied together, neither would commit while the other hangs; one by one, the first commits, and the
            // record that hangs is now noted as hung alone: the next start sets it aside.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(total(applies)).isEqualTo(3);
                assertThat(notes(appliesEvent)).isEmpty();
                assertThat(notes(hangsEvent)).singleElement()
                        .satisfies(note -> assertThat(note.get(0)).isEqualTo(Boolean.TRUE));
            });
            assertThat(total(hangs)).isZero();

            Tallies.endHanging();
            delivered.get(60, TimeUnit.SECONDS);
            assertThat(total(hangs)).isEqualTo(4);
            assertThat(notes(hangsEvent)).isEmpty();
        } finally {
            consumerThread.shutdownNow();
        }
    }

    /** A note as the run before the restart left it, read by this run as it reads every instance's notes. */
    private void noteAsTheLastRunDid(UUID eventId, boolean alone) {
        Database.execute(dataSource, "insert into inbox_hung_record (consumer, event_id, alone, position, noted_at) "
                + "values ('" + TallyConsumer.CONSUMER + "', '" + eventId + "', " + alone
                + ", 'tally.events-0@1', now() - interval '1 minute')");
        hungRecords.check();
    }

    private List<List<Object>> notes(UUID eventId) {
        return Database.rows(dataSource, "select alone, position from inbox_hung_record where consumer = ? "
                + "and event_id = ?", TallyConsumer.CONSUMER, eventId);
    }

    private long total(String counter) {
        List<List<Object>> rows = Database.rows(dataSource, "select total from tally where counter = ?", counter);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    /** The records as one poll from partition 0 of their topic would hand them over. */
    @SafeVarargs
    private static List<ConsumerRecord<String, String>> polled(ProducerRecord<String, String>... sent) {
        return EventRecords.polled(OFFSETS, sent);
    }
}
