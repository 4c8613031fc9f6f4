package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InspectionStoryTest {
    private static final String COMPLETE = "checks.find { it.name == 'checklists complete' }";
    private static final String SIGNED_OFF = "checks.find { it.name == 'inspection signed off' }";

    @Test
    void aFailedFireSafetyItemBlocksReadinessUntilItsActionIsClosedAndTheFacilitySignsOff() {
        String templateId = as("facility").body(Map.of("name", "Fire safety " + UUID.randomUUID(),
                "category", "FIRE_SAFETY", "items", List.of(
                        Map.of("description", "Emergency exits clear", "mandatory", true, "dueHoursBeforeStart", 24),
                        Map.of("description", "Extinguishers serviced", "mandatory", true, "dueHoursBeforeStart", 48),
                        Map.of("description", "Spare bulbs in store", "mandatory", false, "dueHoursBeforeStart", 2))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(30);
        String bookingId = Api.book(Api.venueWithRoom("Auditorium", 300, 0, 280), eventId, start,
                start.plus(Duration.ofHours(8)), 120, 60).statusCode(201).extract().path("id");

        JsonPath checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201)
                .body("items", hasSize(3))
                .body("items[0].dueAt", equalTo(start.minus(Duration.ofHours(24)).toString()))
                .extract().jsonPath();
        String checklistId = checklist.getString("id");
        String exits = checklist.getString("items[0].id");
        String extinguishers = checklist.getString("items[1].id");
        String bulbs = checklist.getString("items[2].id");
        Api.readiness(eventId).statusCode(200).body(COMPLETE + ".status", equalTo("NOT_MET"))
                .body(COMPLETE + ".reason", containsString("'Emergency exits clear' is not inspected yet"));

        // A mandatory item cannot be waved through, and a failure needs someone to fix it.
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "NOT_APPLICABLE"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(400)
                .body("errors[0].field", equalTo("results[0].outcome"));
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "FAILED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(400)
                .body("errors[0].field", equalTo("results[0].action"));

        Instant due = start.minus(Duration.ofDays(3));
        String actionId = as("facility").body(Map.of("results", List.of(
                Map.of("itemId", exits, "outcome", "FAILED", "note", "pallets stacked at exit B",
                        "action", Map.of("owner", "Bob (maintenance)", "dueAt", due.toString())),
                Map.of("itemId", extinguishers, "outcome", "PASSED"),
                Map.of("itemId", bulbs, "outcome", "NOT_APPLICABLE", "note", "LED fittings"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201)
                .body("openedActions", hasSize(1)).body("openedActions[0].owner", equalTo("Bob (maintenance)"))
                .body("openedActions[0].status", equalTo("OPEN"))
                .extract().path("openedActions[0].id");

        Api.readiness(eventId).body("ready", equalTo(false)).body(COMPLETE + ".status", equalTo("NOT_MET"))
                .body(COMPLETE + ".reason", containsString("'Emergency exits clear' failed; action " + actionId));
        as("organizer").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(403)
                .contentType("application/problem+json");
        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/checklist-incomplete"))
                .body("detail", containsString(actionId));

        as("facility").body(Map.of("resolution", "pallets removed, exit B clear")).post("/api/actions/{a}/closure",
                actionId).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo(Api.FACILITY));
        as("facility").body(Map.of("resolution", "again")).post("/api/actions/{a}/closure", actionId).then()
                .statusCode(409);
        Api.readiness(eventId).body(COMPLETE + ".status", equalTo("MET"))
                .body(SIGNED_OFF + ".status", equalTo("NOT_MET"));

        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(200)
                .body("signedOffBy", equalTo(Api.FACILITY));
        Api.readiness(eventId).body(SIGNED_OFF + ".status", equalTo("MET"));
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/checklist-signed-off"));
        as("organizer").get("/api/events/{e}/actions", eventId).then().statusCode(200)
                .body("status", equalTo(List.of("CLOSED")));
        as("organizer").get("/api/events/{e}/checklists", eventId).then().statusCode(200)
                .body("signedOffBy", equalTo(List.of(Api.FACILITY)));
    }
}
