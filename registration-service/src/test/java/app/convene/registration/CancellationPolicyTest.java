package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CancellationPolicyTest {
    private static final String PASSED = Instant.now().minus(Duration.ofHours(2)).toString();

    private static UUID eventWithDeadlinePassed(String policy) {
        return UUID.fromString(Api.postEvent(eventBody("Deadline " + policy, 5, Duration.ofDays(5),
                Map.of("cancellationDeadline", PASSED, "lateCancellationPolicy", policy)))
                .statusCode(201).extract().path("id"));
    }

    @Test
    void afterTheDeadlineARefusingEventKeepsTheSeatUnlessAnOrganizerCancels() {
        UUID eventId = eventWithDeadlinePassed("REFUSE");
        String id = Api.register(eventId, "lena@example.com", "Lena").statusCode(201).extract().path("id");

        Api.cancel(eventId, id, "lena@example.com").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/cancellation-deadline-passed"));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, id).body("status", equalTo("CONFIRMED"));

        given().header("Authorization", Tokens.organizer())
                .post("/api/events/{e}/registrations/{r}/cancel", eventId, id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("lateCancellation", equalTo(true));
        asOrganizer("GET", "/api/events/{e}", eventId).body("lateCancellations", equalTo(1));
    }

    @Test
    void afterTheDeadlineAnAcceptingEventCountsTheCancellationAsLateAndPromotes() {
        UUID eventId = eventWithDeadlinePassed("ACCEPT_LATE");
        String first = Api.register(eventId, "mia@example.com", "Mia").extract().path("id");
        Api.register(eventId, "b@example.com", "B");
        Api.register(eventId, "c@example.com", "C");
        Api.register(eventId, "d@example.com", "D");
        Api.register(eventId, "e@example.com", "E");
        String waiting = Api.register(eventId, "nils@example.com", "Nils").body("status", equalTo("WAITLISTED"))
                .extract().path("id");

        Api.cancel(eventId, first, "mia@example.com").statusCode(200).body("lateCancellation", equalTo(true));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, waiting).body("status", equalTo("CONFIRMED"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("lateCancellations", equalTo(1))
                .body("confirmed", equalTo(5));
    }

    @Test
    void beforeTheDeadlineACancellationIsNotLate() {
        UUID eventId = Api.scheduleEvent("Plenty of time", 3);
        String id = Api.register(eventId, "olle@example.com", "Olle").extract().path("id");
        Api.cancel(eventId, id, "olle@example.com").statusCode(200).body("lateCancellation", equalTo(false));
        asOrganizer("GET", "/api/events/{e}", eventId).body("lateCancellations", equalTo(0));
    }
}
