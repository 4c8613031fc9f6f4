package app.convene.backbone.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

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
 * A record whose transaction outlives the transaction timeout (here, queued behind a row lock another session holds)
 * is rolled back by the transaction reaper, from another thread. The record is not at fault: it is kept and tried again
 * until it applies, once. Only a record whose every attempt outlives the timeout, five in a row, is set aside, so that
 * one whose handling always takes longer does not hold its consumer for ever. Here the reaper cancels the waiting statement; the other shapes the
 * same rollback can take (the next statement closed, Hibernate refusing a session rolled back in a different thread)
 * are read alike ({@code DatabaseOutageShapesTest} in registration-service).
 */
@QuarkusTest
@TestProfile(TransactionTimeoutTest.ShortTransactions.class)
class TransactionTimeoutTest {

    public static class ShortTransactions extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.transaction-manager.default-transaction-timeout", "PT1S");
            return config;
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void recordsQueuedBehindALockPastTheTransactionTimeoutAreAppliedOnceWhenItIsReleasedAndNoneIsSetAside()
            throws Exception {
        List<String> counters = List.of("locked-a-" + UUID.randomUUID(), "locked-b-" + UUID.randomUUID(),
                "locked-c-" + UUID.randomUUID());
        List<UUID> events = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (String counter : counters) {
            Database.execute(dataSource, "insert into tally (counter, total) values ('" + counter + "', 0)");
        }
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select total from tally where counter = any(?) for update")) {
                lock.setArray(1, holder.createArrayOf("text", counters.toArray()));
                lock.executeQuery().close();
            }
            for (int i = 0; i < counters.size(); i++) {
                KafkaBroker.send(EventRecords.withId(events.get(i), SampleEvents.TALLY_COUNTED, counters.get(i),
                        Counted.of(counters.get(i), 10 + i)));
            }
            // The first is tried, times out behind the lock and is tried again, for several transaction timeouts;
            // the others wait behind it.
            await().atMost(Duration.ofSeconds(60)).until(() -> Tallies.attempts(counters.get(0)) >= 3);
            holder.commit();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < counters.size(); i++) {
                assertThat(total(counters.get(i))).isEqualTo(10 + i);
            }
        });
        for (UUID event : events) {
            assertThat(Database.count(dataSource, "select count(*) from dead_letter where consumer = ? "
                    + "and event_id = ?", TallyConsumer.CONSUMER, event)).isZero();
            assertThat(Database.count(dataSource, "select count(*) from inbox_event where consumer = ? "
                    + "and event_id = ?", TallyConsumer.CONSUMER, event)).isEqualTo(1);
        }
    }

    @Test
    void aRecordWhoseEveryAttemptOutlivesTheTimeoutIsSetAsideAfterFiveAndTheRecordBehindItIsApplied()
            throws Exception {
        String locked = "always-locked-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        UUID lockedEvent = UUID.randomUUID();
        Database.execute(dataSource, "insert into tally (counter, total) values ('" + locked + "', 0)");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select total from tally where counter = ? for update")) {
                lock.setString(1, locked);
                lock.executeQuery().close();
            }
            // Both on one key, so one partition: the second waits behind the first.
            KafkaBroker.send(EventRecords.withId(lockedEvent, SampleEvents.TALLY_COUNTED, locked,
                    Counted.of(locked, 7)));
            KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, locked, Counted.of(behind, 8)));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(Database.rows(dataSource, "select reason from dead_letter where consumer = ? "
                        + "and event_id = ?", TallyConsumer.CONSUMER, lockedEvent)).singleElement()
                        .satisfies(letter -> assertThat((String) letter.get(0))
                                .contains("outlived the transaction timeout " + Inbox.TIMEOUT_ATTEMPTS
                                        + " times in a row"));
                assertThat(Database.rows(dataSource, "select total from tally where counter = ?", behind))
                        .singleElement().satisfies(row -> assertThat(((Number) row.get(0)).longValue())
                                .isEqualTo(8));
            });
            holder.commit();
        }
        assertThat(Tallies.attempts(locked)).isEqualTo(Inbox.TIMEOUT_ATTEMPTS);
        assertThat(total(locked)).isZero();
    }

    private long total(String counter) {
        return ((Number) Database.rows(dataSource, "select total from tally where counter = ?", counter).get(0).get(0))
                .longValue();
    }
}
