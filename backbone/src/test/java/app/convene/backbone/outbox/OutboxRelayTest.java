package app.convene.backbone.outbox;

import static app.convene.backbone.sample.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.Memos;
import app.convene.backbone.sample.Records;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleEvents.MemoRevised;
import app.convene.backbone.sample.SampleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The outbox side of the backbone: what a transaction commits is published, in order per aggregate, and only that. */
@QuarkusTest
@TestProfile(SampleService.class)
class OutboxRelayTest {
    private static final String TOPIC = SampleEvents.MEMO_REVISED.topic();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Memos memos;
    @Inject
    Outbox outbox;
    @Inject
    DataSource dataSource;

    @Test
    void eachMemosRevisionsLeaveInTheOrderTheyWereWrittenWithTheirEnvelopeAndAreMarkedPublished() throws Exception {
        List<UUID> memoIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, List<UUID>> eventIds = new ConcurrentHashMap<>();
        // Three writers at once, one memo each, so their transactions interleave in the outbox.
        ExecutorService writers = Executors.newFixedThreadPool(memoIds.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UUID memoId : memoIds) {
                done.add(writers.submit(() -> {
                    List<UUID> ids = new ArrayList<>();
                    for (int sequence = 1; sequence <= 8; sequence++) {
                        ids.add(memos.revise(memoId, sequence, "revision " + sequence));
                    }
                    eventIds.put(memoId, ids);
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        // One transaction revising two memos: both events leave, each after that memo's earlier ones.
        QuarkusTransaction.requiringNew().run(() -> {
            eventIds.get(memoIds.get(0)).add(memos.revise(memoIds.get(0), 9, "revision 9"));
            eventIds.get(memoIds.get(1)).add(memos.revise(memoIds.get(1), 9, "revision 9"));
        });

        for (UUID memoId : memoIds) {
            List<String> expectedIds = eventIds.get(memoId).stream().map(UUID::toString).toList();
            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> Records.withKey(TOPIC, memoId),
                            records -> records.size() >= expectedIds.size());
            assertThat(published).extracting(r -> header(r, "ce_id")).as("events of memo %s, in order", memoId)
                    .containsExactlyElementsOf(expectedIds);
            int expected = expectedIds.size();
            assertThat(published).extracting(r -> JSON.readValue(r.value(), MemoRevised.class).sequence())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
            // All of one memo's events share a partition (the key is the memo), which is what keeps their order.
            assertThat(published).extracting(ConsumerRecord::partition).containsOnly(published.get(0).partition());
            ConsumerRecord<String, String> first = published.get(0);
            assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(first, "ce_type")).isEqualTo("memo.revised.v1");
            assertThat(header(first, "ce_eventversion")).isEqualTo("1");
            assertThat(header(first, "ce_source")).isEqualTo(SampleService.SOURCE);
            assertThat(header(first, "ce_subject")).isEqualTo(memoId.toString());
            assertThat(header(first, "ce_time")).isNotBlank();
            assertThat(header(first, "content-type")).isEqualTo("application/json");
            // Tracing is off unless switched on: no trace context travels (EventTracingTest has it on).
            assertThat(header(first, "ce_traceparent")).isNull();
            assertThat(JSON.readValue(first.value(), MemoRevised.class))
                    .isEqualTo(new MemoRevised(memoId, 1, "revision 1"));
        }
        List<UUID> all = eventIds.values().stream().flatMap(List::stream).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Database.count(dataSource,
                "select count(*) from outbox_event where event_id = any(?) and published_at is not null", all))
                .isEqualTo(all.size()));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID memoId = UUID.randomUUID();
        UUID first = memos.revise(memoId, 1, "first");
        assertThatThrownBy(() -> memos.reviseThenFail(memoId, 2, "rolled back"))
                .hasMessageContaining("refused after the revision");
        UUID second = memos.revise(memoId, 2, "second");

        // The relay publishes in outbox order and one memo's events share a partition: once "second" is out,
        // whatever was committed before it is out too.
        List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Records.withKey(TOPIC, memoId),
                        records -> records.stream().anyMatch(r -> second.toString().equals(header(r, "ce_id"))));
        assertThat(published).extracting(r -> header(r, "ce_id")).containsExactly(first.toString(), second.toString());
        assertThat(published).extracting(ConsumerRecord::value).noneMatch(value -> value.contains("rolled back"));
        assertThat(Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?",
                memoId.toString())).isEqualTo(2);
        assertThat(Database.count(dataSource, "select count(*) from memo_revision where memo_id = ?", memoId))
                .isEqualTo(2);
    }

    @Test
    void anEventCannotBeWrittenOutsideATransaction() {
        UUID memoId = UUID.randomUUID();
        assertThatThrownBy(() -> outbox.append(SampleEvents.MEMO_REVISED, "memo", memoId,
                new MemoRevised(memoId, 1, "on its own"))).isInstanceOf(TransactionalException.class);
        assertThat(Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?",
                memoId.toString())).isZero();
    }

    @Test
    void publishedEventsPastTheRetentionArePruned() {
        // Seeded by the sample service's migration V2: published 8 and 6 days ago; the retention is 7 days. The relay
        // prunes on its first run after start, then hourly.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Database.count(dataSource,
                "select count(*) from outbox_event where aggregate_id = 'published-8-days-ago'")).isZero());
        assertThat(Database.count(dataSource,
                "select count(*) from outbox_event where aggregate_id = 'published-6-days-ago'")).isEqualTo(1);
    }

    @Test
    void whileAnotherRelayHoldsTheLockThisOnePublishesNothingAndTakesOverWhenItIsReleased() throws Exception {
        UUID memoId = UUID.randomUUID();
        UUID eventId;
        // Another replica's relay, as far as the database can tell: it holds the relay's advisory lock.
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x6f7574626f78L + ")");
            try {
                eventId = memos.revise(memoId, 1, "held back");
                // Several sweeps (one a second) find the lock taken and leave the event alone.
                Thread.sleep(3000);
                assertThat(Database.count(dataSource,
                        "select count(*) from outbox_event where event_id = ? and published_at is null", eventId))
                        .isEqualTo(1);
            } finally {
                statement.execute("select pg_advisory_unlock_all()");
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(Records.withKey(TOPIC, memoId)).extracting(r -> header(r, "ce_id"))
                        .containsExactly(eventId.toString()));
    }
}
