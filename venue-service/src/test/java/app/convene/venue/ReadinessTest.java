package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ReadinessTest {

    private static ValidatableResponse readiness(UUID eventId) {
        return readiness(eventId, null);
    }

    private static ValidatableResponse readiness(UUID eventId, String ifNoneMatch) {
        var request = given().header("Authorization", Tokens.bearer("facility", "frank@example.com"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/api/events/{e}/readiness", eventId).then();
    }

    @Test
    void aScheduledEventWithoutARoomIsNotReadyAndSaysWhy() {
        UUID eventId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(10));
        UUID scheduledId = UUID.randomUUID();
        var scheduled = new RegistrationEvents.EventScheduled(eventId, "Partner day", start,
                start.plusSeconds(3600), "Europe/Amsterdam", 80, Api.ACCESS);
        KafkaBroker.send(EventRecords.withId(scheduledId, RegistrationEvents.EVENT_SCHEDULED, eventId, scheduled));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 7, 80, 64, 0, 0, 0)));
        // Redelivered: must not announce readiness a second time.
        KafkaBroker.send(EventRecords.withId(scheduledId, RegistrationEvents.EVENT_SCHEDULED, eventId, scheduled));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> readiness(eventId).statusCode(200)
                .body("title", equalTo("Partner day")).body("expectedHeadcount", equalTo(64))
                .body("ready", equalTo(false))
                .body("checks.name", hasItems("room booked", "headcount within safe occupancy"))
                .body("checks.find { it.name == 'room booked' }.status", equalTo("NOT_MET")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                KafkaBroker.records(Topics.VENUE, Duration.ofSeconds(3)).stream()
                        .filter(r -> eventId.toString().equals(r.key()))
                        .filter(r -> VenueEvents.READINESS_CHANGED.name()
                                .equals(new String(r.headers().lastHeader("ce_type").value()))).toList())
                .singleElement().satisfies(r -> assertThat(r.value()).contains("no room is booked")));

        // An ops screen polls it with the tag of what it shows: told 304 until the headcount moves.
        String tag = readiness(eventId).statusCode(200).extract().header("ETag");
        readiness(eventId, tag).statusCode(304);
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 8, 80, 72, 0, 0, 0)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> readiness(eventId, tag).statusCode(200)
                .body("expectedHeadcount", equalTo(72)).header("ETag", not(equalTo(tag))));
    }

    @Test
    void anUnknownEventIsNotFound() {
        readiness(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }
}
