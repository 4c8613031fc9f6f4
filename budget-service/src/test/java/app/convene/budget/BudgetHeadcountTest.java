package app.convene.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BudgetHeadcountTest {

    static ValidatableResponse budget(UUID eventId) {
        return given().header("Authorization", Tokens.bearer("finance", "fiona@example.com"))
                .get("/api/events/{e}/budget", eventId).then();
    }

    static void scheduled(UUID eventId, int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId,
                new RegistrationEvents.EventScheduled(eventId, "Sales kick-off", start, start.plusSeconds(7200),
                        "Europe/Bucharest", capacity, Api.ownedByOrganizer())));
    }

    static HeadcountChanged headcount(UUID eventId, long sequence, int confirmed, int waitlisted) {
        return new HeadcountChanged(eventId, sequence, 50, confirmed, waitlisted, 0, 0);
    }

    @Test
    void aScheduledEventGetsADraftBudgetThatFollowsTheLiveHeadcount() {
        UUID eventId = UUID.randomUUID();
        scheduled(eventId, 50);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(eventId).statusCode(200)
                .body("status", equalTo("DRAFT")).body("title", equalTo("Sales kick-off"))
                .body("headcount.capacity", equalTo(50)).body("headcount.confirmed", equalTo(0)));

        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 1, 1, 0)));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 3, 3, 0)));
        // An older count arriving late (reordering, replay) must not roll the headcount back.
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 2, 2, 0)));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 4, 3, 1)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(eventId).statusCode(200)
                .body("headcount.confirmed", equalTo(3)).body("headcount.waitlisted", equalTo(1))
                .body("headcount.asOfSequence", equalTo(4)));
    }

    @Test
    void theDraftBudgetIsAnnouncedOnce() {
        UUID eventId = UUID.randomUUID();
        scheduled(eventId, 10);
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 1, 1, 0)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            budget(eventId).statusCode(200).body("headcount.confirmed", equalTo(1));
            assertThat(KafkaBroker.records(Topics.BUDGET, Duration.ofSeconds(3)).stream()
                    .filter(r -> eventId.toString().equals(r.key()))).hasSize(1);
        });
    }

    @Test
    void anUnknownEventHasNoBudget() {
        budget(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("attendee", "a@example.com"))
                .get("/api/events/{e}/budget", UUID.randomUUID()).then().statusCode(403);
    }
}
