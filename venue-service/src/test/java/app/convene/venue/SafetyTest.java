package app.convene.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SafetyTest {
    private static final String SAFETY = "checks.find { it.name == 'headcount within safe occupancy' }";

    @Test
    void registrationsGrowPastTheRoomsSafeOccupancyAndTheEventIsAtRiskUntilTheHeadcountFallsBack() {
        UUID roomId = Api.venueWithRoom("Workshop room", 45, 60, 50);
        Instant start = Api.daysFromNow(20);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(3)));
        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(3)), 30, 30).statusCode(201);

        Api.headcount(eventId, 1, 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("expectedHeadcount", equalTo(40)).body(SAFETY + ".status", equalTo("MET")));

        UUID growth = UUID.randomUUID();
        var tipping = new RegistrationEvents.HeadcountChanged(eventId, 2, 500, 55, 0, 0, 0);
        KafkaBroker.send(EventRecords.withId(growth, RegistrationEvents.HEADCOUNT_CHANGED, eventId, tipping));
        KafkaBroker.send(EventRecords.withId(growth, RegistrationEvents.HEADCOUNT_CHANGED, eventId, tipping));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId)
                .body("ready", equalTo(false)).body(SAFETY + ".status", equalTo("NOT_MET"))
                .body(SAFETY + ".reason", containsString("safety at risk: 55 expected")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.SAFETY_AT_RISK.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"expectedHeadcount\": 55")
                        .contains("\"safeOccupancy\": 50")));

        // An older count arriving late changes nothing.
        Api.headcount(eventId, 1, 40);
        Api.headcount(eventId, 3, 48);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId)
                .body("expectedHeadcount", equalTo(48)).body(SAFETY + ".status", equalTo("MET")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.SAFETY_RESTORED.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"expectedHeadcount\": 48")));
        assertThat(Api.announced(eventId, VenueEvents.SAFETY_AT_RISK.name())).hasSize(1);
    }
}
