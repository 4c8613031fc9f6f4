package app.convene.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.metrics.StateGauges;
import app.convene.backbone.testing.ServedMetrics;
import io.quarkus.test.junit.QuarkusTest;

/** The readiness dashboard reads what venue-service serves: upcoming events by readiness, safety, actions. */
@QuarkusTest
class StateMetricsTest {
    @Inject
    StateGauges gauges;

    private static double upcoming(ServedMetrics metrics) {
        return metrics.value("venue_events_readiness");
    }

    @Test
    void anUpcomingEventIsCountedByItsReadinessAndACancelledOneIsNot() {
        gauges.refreshNow();
        ServedMetrics before = ServedMetrics.scrape();

        var eventId = Api.event(Api.daysFromNow(20), Api.daysFromNow(20).plus(Duration.ofHours(8)));
        gauges.refreshNow();
        ServedMetrics scheduled = ServedMetrics.scrape();
        assertThat(upcoming(scheduled) - upcoming(before)).isEqualTo(1);
        assertThat(scheduled.serves("venue_events_safety_at_risk")).isTrue();
        assertThat(scheduled.value("venue_corrective_actions", "state", "OVERDUE"))
                .isLessThanOrEqualTo(scheduled.value("venue_corrective_actions", "state", "OPEN"));

        Api.cancelled(eventId, Api.daysFromNow(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gauges.refreshNow();
            assertThat(upcoming(ServedMetrics.scrape()) - upcoming(before)).isZero();
        });
    }
}
