package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HeadcountBurstTest {

    @Test
    void aBurstOfHeadcountsWithDuplicatesAndReorderingEndsAtTheNewestCount() {
        UUID eventId = budgetedEvent();
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "12.50", null));
        addLine(eventId, line("VENUE", "FIXED", "800.00", null));

        // 60 announcements, sequence n carries n confirmed; shuffled, and every fifth delivered twice.
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int sequence = 1; sequence <= 60; sequence++) {
            UUID id = UUID.randomUUID();
            HeadcountChanged count = new HeadcountChanged(eventId, sequence, 500, sequence, 0, 0, 0);
            burst.add(EventRecords.withId(id, RegistrationEvents.HEADCOUNT_CHANGED, eventId, count));
            if (sequence % 5 == 0) {
                burst.add(EventRecords.withId(id, RegistrationEvents.HEADCOUNT_CHANGED, eventId, count));
            }
        }
        Collections.shuffle(burst, new Random(42));
        burst.forEach(KafkaBroker::send);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("headcount.asOfSequence", equalTo(60)).body("headcount.confirmed", equalTo(60))
                .body("totals.forecast", equalTo(money("1550.00"))));
        // The last forecast announced is the one the budget shows.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announcements(eventId, "budget.forecast-changed.v2")).last().satisfies(r -> assertThat(
                        Api.payload(r).get("forecastTotal").decimalValue()).isEqualTo(money("1550.00"))));
    }

    @Test
    void afterTheEventPerAttendeeLinesFollowTheCheckIns() {
        UUID eventId = budgetedEvent(Instant.now().minus(Duration.ofDays(2)), "EUR");
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "20.00", null));
        Api.headcount(eventId, 1, 100, 80);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("headcount.basisSource", equalTo("CHECKED_IN"))
                .body("totals.forecast", equalTo(money("1600.00")))
                .body("costPerAttendee.forecast", equalTo(money("20.00"))));
    }
}
