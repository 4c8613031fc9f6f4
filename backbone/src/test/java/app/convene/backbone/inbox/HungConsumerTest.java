package app.convene.backbone.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleEvents.Counted;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.sample.Tallies;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A handler that never ends holds its consumer: nothing behind its record is applied. Liveness goes down once the
 * attempt has run for longer than {@code backbone.inbox.stuck-after}, and names the channel and the records the attempt
 * applies, so an operator sees which record to look at; it comes back up when the attempt ends.
 */
@QuarkusTest
@TestProfile(HungConsumerTest.StuckSoon.class)
class HungConsumerTest {
    private static final String CONSUMERS = "checks.find { it.name == 'event consumers' }.";

    public static class StuckSoon extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("backbone.inbox.stuck-after", "PT2S");
            return config;
        }
    }

    @Inject
    DataSource dataSource;

    @AfterEach
    void endHanging() {
        Tallies.endHanging();
    }

    @Test
    void anAttemptThatDoesNotEndTakesLivenessDownNamingItsRecordsUntilItEnds() {
        String hanging = "hanging-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        given().get("/q/health/live").then().statusCode(200);
        KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, hanging, new Counted(hanging, 1, "hang")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/live").then()
                .statusCode(503).body(CONSUMERS + "status", equalTo("DOWN"))
                .body(CONSUMERS + "data.'tally-events'", matchesPattern(
                        "one attempt has been running for \\d+ s, applying tally\\.events-\\d+@\\d+.*")));
        KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, hanging, Counted.of(behind, 2)));
        // Nothing behind it on its partition is applied while it runs.
        assertThat(total(behind)).isZero();

        Tallies.endHanging();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/q/health/live").then().statusCode(200);
            assertThat(total(hanging)).isEqualTo(1);
            assertThat(total(behind)).isEqualTo(2);
        });
    }

    private long total(String counter) {
        List<List<Object>> rows = Database.rows(dataSource, "select total from tally where counter = ?", counter);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }
}
