package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.metrics.StateGauges;
import app.convene.backbone.testing.ServedMetrics;
import io.quarkus.test.junit.QuarkusTest;

/** The readiness dashboard reads what notification-service serves: upcoming events by go/no-go decision. */
@QuarkusTest
class StateMetricsTest {
    @Inject
    StateGauges gauges;

    @Test
    void aNewlyScheduledEventIsUpcomingAndUndecided() {
        gauges.refreshNow();
        ServedMetrics before = ServedMetrics.scrape();

        Instant start = Instant.now().plus(Duration.ofDays(25));
        Stories.schedule(UUID.randomUUID(), "Figures review", start, start.plus(Duration.ofHours(4)),
                "Europe/Stockholm", 40, Stories.ownedByOlivia());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gauges.refreshNow();
            ServedMetrics now = ServedMetrics.scrape();
            assertThat(now.value("notification_go_no_go") - before.value("notification_go_no_go")).isEqualTo(1);
            assertThat(now.value("notification_go_no_go", "decision", "GO")
                    - before.value("notification_go_no_go", "decision", "GO")).isZero();
            assertThat(now.serves("notification_deliveries")).isTrue();
        });
    }

    @Test
    void bothChannelsReadingRegistrationEventsServeTheirLag() {
        // The read model and attendees' mail read one topic in consumer groups of their own: each has its own lag.
        String served = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(served).contains("inbox_consumer_lag{channel=\"registration-events\"}",
                "inbox_consumer_lag{channel=\"registration-attendees\"}");
    }
}
