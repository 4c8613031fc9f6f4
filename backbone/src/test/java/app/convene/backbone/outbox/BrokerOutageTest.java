package app.convene.backbone.outbox;

import static app.convene.backbone.sample.Records.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.Memos;
import app.convene.backbone.sample.Records;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The broker goes away. Writes go on succeeding, their events wait in the outbox (the relay tries and fails), and
 * when the broker is back every event is published, once each, in order, and nothing is lost.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class BrokerOutageTest {
    private static final String TOPIC = SampleEvents.MEMO_REVISED.topic();

    @Inject
    Memos memos;
    @Inject
    OutboxRelay relay;
    @Inject
    DataSource dataSource;

    @Test
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsLeaveOnceEachWhenItReturns() {
        UUID memoId = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        eventIds.add(memos.revise(memoId, 1, "before the outage"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(Records.withKey(TOPIC, memoId)).hasSize(1));

        String memoWritten;
        KafkaBroker.stopBroker();
        try {
            for (int sequence = 2; sequence <= 6; sequence++) {
                eventIds.add(memos.revise(memoId, sequence, "during the outage"));
            }
            memoWritten = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                    .body("{\"text\":\"written while the broker is down\"}").post("/api/memos").then()
                    .statusCode(201).extract().path("id");
            // The relay has tried and could not publish: the events are counted as pending, none is marked.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> relay.pendingCount() >= 6);
            assertThat(Database.count(dataSource,
                    "select count(*) from outbox_event where event_id = any(?) and published_at is null",
                    eventIds.subList(1, eventIds.size()))).isEqualTo(5);
        } finally {
            KafkaBroker.restart();
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(Records.withKey(TOPIC, memoId)).extracting(r -> header(r, "ce_id"))
                        .containsExactlyElementsOf(eventIds.stream().map(UUID::toString).toList()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Records.withKey(
                SampleEvents.MEMO_WRITTEN.topic(), memoWritten)).extracting(r -> header(r, "ce_type"))
                .containsExactly("memo.written.v1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Database.count(dataSource,
                "select count(*) from outbox_event where aggregate_id in (?, ?) and published_at is null",
                memoId.toString(), memoWritten)).isZero());
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
    }
}
