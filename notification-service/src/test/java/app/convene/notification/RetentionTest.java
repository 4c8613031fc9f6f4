package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The organisation's retention policy came due for an old event: notification-service's copy of its registrations
 * and its feedback authors no longer name anyone, ratings and comments stay, and another event is untouched.
 */
@QuarkusTest
class RetentionTest {
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    private static io.restassured.response.ValidatableResponse export(String email) {
        return given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", email).then().statusCode(200);
    }

    @Test
    void anOldEventsAttendeesAreAnonymisedAndAnotherEventKeepsThem() {
        String rita = "rita-" + UUID.randomUUID() + "@example.com";
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Instant start = TestClock.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        for (UUID eventId : List.of(old, recent)) {
            Stories.schedule(eventId, "Retention review", start, start.plus(Duration.ofHours(6)), "Europe/Oslo", 50,
                    Stories.ownedByOlivia());
            Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                    eventId, UUID.randomUUID(), rita, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> export(rita).body("registrations", hasSize(2)));
        for (UUID eventId : List.of(old, recent)) {
            given().header("Authorization", Tokens.bearer("attendee", rita)).contentType(ContentType.JSON)
                    .body(Map.of("rating", 5, "comment", "Well run")).post("/api/events/{e}/feedback", eventId)
                    .then().statusCode(201);
        }

        UUID announcement = UUID.randomUUID();
        var due = new PrivacyEvents.EventAttendeesAnonymised(old, "acme", 1, Instant.now());
        KafkaBroker.send(EventRecords.withId(announcement, PrivacyEvents.EVENT_ATTENDEES_ANONYMISED, old, due));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> export(rita)
                .body("registrations.eventId", equalTo(List.of(recent.toString())))
                .body("feedback.eventId", equalTo(List.of(recent.toString()))));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/feedback", old).then()
                .statusCode(200).body("feedback.rating", equalTo(List.of(5)))
                .body("feedback.comment", equalTo(List.of("Well run"))).body("feedback.author",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.endsWith("@erased.invalid")));

        // Delivered again: nothing more changes, and the recent event still names her.
        KafkaBroker.send(EventRecords.withId(announcement, PrivacyEvents.EVENT_ATTENDEES_ANONYMISED, old, due));
        export(rita).body("registrations", hasSize(1)).body("feedback", hasSize(1));
        export("nobody-" + UUID.randomUUID() + "@example.com").body("registrations", empty());
    }
}
