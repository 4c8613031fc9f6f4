package app.convene.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.metrics.StateGauges;
import app.convene.backbone.testing.ServedMetrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The registrations dashboard reads what registration-service serves: seats taken and waiting lists of upcoming
 * events, full events, and the rate of each announced event by type.
 */
@QuarkusTest
class StateMetricsTest {
    @Inject
    StateGauges gauges;

    @Test
    void aFullEventWithAWaitingListShowsInTheServedFigures() {
        gauges.refreshNow();
        ServedMetrics before = ServedMetrics.scrape();

        UUID eventId = Api.scheduleEvent("Figures on the dashboard", 1);
        Api.register(eventId, "ines@example.com", "Ines");
        Api.register(eventId, "jon@example.com", "Jon");
        Api.register(eventId, "kim@example.com", "Kim");
        gauges.refreshNow();
        ServedMetrics after = ServedMetrics.scrape();

        assertThat(after.value("registration_attendees", "status", "CONFIRMED")
                - before.value("registration_attendees", "status", "CONFIRMED")).isEqualTo(1);
        assertThat(after.value("registration_attendees", "status", "WAITLISTED")
                - before.value("registration_attendees", "status", "WAITLISTED")).isEqualTo(2);
        assertThat(after.value("registration_events_upcoming") - before.value("registration_events_upcoming"))
                .isEqualTo(1);
        assertThat(after.value("registration_events_full") - before.value("registration_events_full")).isEqualTo(1);
        assertThat(after.serves("registration_action_items_overdue")).isTrue();
        assertThat(after.serves("dead_letters_pending")).isTrue();

        // Each announcement is counted by type once the relay has published it.
        String waitlisted = RegistrationEvents.WAITLISTED.name();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ServedMetrics.scrape().value("outbox_published_events_total", "type", waitlisted)
                        - before.value("outbox_published_events_total", "type", waitlisted))
                .isGreaterThanOrEqualTo(2));
    }
}
