package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BriefingsTest {

    private static ValidatableResponse briefings(UUID eventId) {
        return given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/briefings", eventId).then();
    }

    @Test
    void anEventsBriefingsAreAssembledFromWhatEveryServiceAnnounced() {
        UUID eventId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofHours(6));
        // Out of order on purpose: other services' facts may arrive before the schedule.
        KafkaBroker.send(EventRecords.of(VenueEvents.READINESS_CHANGED, eventId,
                new VenueEvents.ReadinessChanged(eventId, false, "no room is booked for the event")));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 2, 30, 21, 4, 0, 0)));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId,
                new RegistrationEvents.EventScheduled(eventId, "Customer advisory board", start, end,
                        "Europe/Stockholm", 30, Stories.ownedByOlivia())));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 1, 30, 20, 0, 0, 0)));
        KafkaBroker.send(EventRecords.of(BudgetEvents.CREATED, eventId,
                new BudgetEvents.BudgetCreated(eventId, "DRAFT")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200)
                .body("title", equalTo("Customer advisory board"))
                .body("headcount.confirmed", equalTo(21)).body("headcount.waitlisted", equalTo(4))
                .body("budgetStatus", equalTo("DRAFT"))
                .body("venueReady", equalTo(false))
                .body("venueReadinessReason", equalTo("no room is booked for the event"))
                .body("briefings", hasSize(3)));
        briefings(eventId)
                .body("briefings.kind", contains("PRE_EVENT", "PRE_EVENT", "POST_EVENT"))
                .body("briefings.dueAt", contains(start.minus(Duration.ofDays(3)).toString(),
                        start.minus(Duration.ofDays(1)).toString(), end.plus(Duration.ofDays(1)).toString()));
    }

    @Test
    void anEventNobodyAnnouncedIsNotFound() {
        briefings(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }
}
