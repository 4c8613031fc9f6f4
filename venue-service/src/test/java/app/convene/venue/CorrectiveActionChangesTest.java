package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Bob, who was to clear the blocked exit, is off sick: the facility coordinator hands the action to Ana and gives
 * her two more days; once Ana closes it, it no longer changes.
 */
@QuarkusTest
class CorrectiveActionChangesTest {
    private static final String COMPLETE = "checks.find { it.name == 'checklists complete' }";

    @Test
    void anOpenActionIsHandedOnAndGivenMoreTimeAClosedOneNoLongerChanges() {
        String templateId = as("facility").body(Map.of("name", "Exits " + UUID.randomUUID(), "category",
                "FIRE_SAFETY", "items", List.of(Map.of("description", "Emergency exits clear", "mandatory", true,
                        "dueHoursBeforeStart", 24)))).post("/api/checklist-templates").then().statusCode(201)
                .extract().path("id");
        Instant start = Api.daysFromNow(30);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(8)));
        String bookingId = Api.book(Api.venueWithRoom("Auditorium", 300, 0, 280), eventId, start,
                start.plus(Duration.ofHours(8)), 0, 0).statusCode(201).extract().path("id");
        var checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().jsonPath();
        Instant due = start.minus(Duration.ofDays(3));
        String actionId = as("facility").body(Map.of("results", List.of(Map.of("itemId",
                checklist.getString("items[0].id"), "outcome", "FAILED", "action", Map.of("owner",
                        "Bob (maintenance)", "description", "Move the pallets", "dueAt", due.toString())))))
                .post("/api/checklists/{c}/inspections", checklist.getString("id")).then().statusCode(201)
                .extract().path("openedActions[0].id");

        // Every broken rule named; only facility staff of the organisation change it; nothing changed meanwhile.
        as("facility").body(Map.of("owner", " ")).patch("/api/actions/{a}", actionId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("owner"));
        as("facility").body(Map.of("dueAt", "soon")).patch("/api/actions/{a}", actionId).then().statusCode(400)
                .body("errors[0].field", equalTo("dueAt"));
        as("facility").body(Map.of("assignee", "Ana")).patch("/api/actions/{a}", actionId).then().statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        as("organizer").body(Map.of("owner", "Ana")).patch("/api/actions/{a}", actionId).then().statusCode(403);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("owner", "Ana")).patch("/api/actions/{a}", actionId)
                .then().statusCode(404);
        as("facility").body(Map.of("owner", "Ana")).patch("/api/actions/{a}", UUID.randomUUID()).then()
                .statusCode(404);

        Instant later = due.plus(Duration.ofDays(2));
        as("facility").body(Map.of("owner", "Ana (maintenance)", "dueAt", later.toString()))
                .patch("/api/actions/{a}", actionId).then().statusCode(200)
                .body("owner", equalTo("Ana (maintenance)")).body("dueAt", equalTo(later.toString()))
                .body("description", equalTo("Move the pallets")).body("status", equalTo("OPEN"));
        as("organizer").get("/api/events/{e}/actions", eventId).then().statusCode(200)
                .body("find { it.id == '" + actionId + "' }.owner", equalTo("Ana (maintenance)"));
        Api.readiness(eventId).body(COMPLETE + ".status", equalTo("NOT_MET"))
                .body(COMPLETE + ".reason", containsString("owned by Ana (maintenance) due " + later));

        as("facility").body(Map.of("resolution", "Pallets moved to the yard")).post("/api/actions/{a}/closure",
                actionId).then().statusCode(200);
        as("facility").body(Map.of("owner", "Bob")).patch("/api/actions/{a}", actionId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/action-closed"));
        as("organizer").get("/api/events/{e}/actions", eventId).then()
                .body("find { it.id == '" + actionId + "' }.owner", equalTo("Ana (maintenance)"));
    }
}
