package app.convene.venue;

import static app.convene.venue.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Who does what on an event of the organisation: its owner changes it; a colleague organizer sees it but changes
 * nothing; insurance, sign-off and closing corrective actions are facility's work, even for the event's owner.
 */
@QuarkusTest
class FacilityWorkTest {
    private static final String NOT_MEMBER = "https://convene.app/problems/not-event-member";

    @Test
    void theOwnerBooksAndSetsUpButInsuranceSignOffAndClosingActionsAreFacilitysWork() {
        Instant start = Api.daysFromNow(170);
        Instant end = start.plus(Duration.ofHours(5));
        UUID eventId = Api.event(start, end);
        UUID roomId = Api.venueWithRoom("Conference room", 60, 80, 70);
        String bookingId = Api.book(roomId, eventId, start, end, 0, 0).statusCode(201).extract().path("id");
        String templateId = as("facility").body(Map.of("name", "Catering set-up " + UUID.randomUUID(),
                "category", "CATERING_SETUP", "items", List.of(Map.of("description", "Coffee station", "mandatory",
                        true, "dueHoursBeforeStart", 3))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        // The owner (a member) sets up the checklist; facility inspects it.
        JsonPath checklist = as("organizer").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().jsonPath();
        String checklistId = checklist.getString("id");
        String actionId = as("facility").body(Map.of("results", List.of(Map.of("itemId",
                checklist.getString("items[0].id"), "outcome", "FAILED", "action", Map.of("owner", "Catering",
                        "dueAt", start.minus(Duration.ofDays(1)).toString())))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201)
                .extract().path("openedActions[0].id");

        // The owner may not close the action, sign off, register insurance, or inspect.
        as("organizer").body(Map.of("resolution", "coffee is there")).post("/api/actions/{a}/closure", actionId)
                .then().statusCode(403).contentType("application/problem+json");
        as("organizer").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(403)
                .contentType("application/problem+json");
        as("organizer").body(OutsiderProbeTest.certificate("OWN-1", "Delta"))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(403)
                .contentType("application/problem+json");
        as("organizer").body(Map.of("results", List.of(Map.of("itemId", checklist.getString("items[0].id"),
                "outcome", "PASSED")))).post("/api/checklists/{c}/inspections", checklistId).then()
                .statusCode(403);
        as("finance").body(Map.of("resolution", "x")).post("/api/actions/{a}/closure", actionId).then()
                .statusCode(403);

        // Facility does them, for every event of the organisation it may see.
        as("facility").body(Map.of("resolution", "coffee station set up")).post("/api/actions/{a}/closure",
                actionId).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo(Api.FACILITY));
        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(200)
                .body("signedOffBy", equalTo(Api.FACILITY));
        as("facility").body(OutsiderProbeTest.certificate("FAC-1", "Delta"))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201)
                .body("registeredBy", equalTo(Api.FACILITY));
    }

    @Test
    void aColleagueOrganizerSeesTheEventsBookingButChangesNothingOfIt() {
        Instant start = Api.daysFromNow(175);
        Instant end = start.plus(Duration.ofHours(2));
        UUID eventId = Api.event(start, end);
        UUID roomId = Api.venueWithRoom("Side room", 30, 30, 30);
        String bookingId = Api.book(roomId, eventId, start, end, 0, 0).statusCode(201).extract().path("id");
        String templateId = as("facility").body(Map.of("name", "AV check " + UUID.randomUUID(), "category", "AV",
                "items", List.of(Map.of("description", "Microphones", "mandatory", true, "dueHoursBeforeStart", 1))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        RequestSpecification colleague = given().header("Authorization",
                Tokens.bearer("organizer", "carl.colleague@example.com")).contentType(ContentType.JSON);

        colleague.get("/api/bookings/{b}", bookingId).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("organizer", "carl.colleague@example.com"))
                .get("/api/events/{e}/readiness", eventId).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("organizer", "carl.colleague@example.com"))
                .contentType(ContentType.JSON).body(Map.of("reason", "not mine")).post(
                        "/api/bookings/{b}/cancellation", bookingId).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(NOT_MEMBER));
        given().header("Authorization", Tokens.bearer("organizer", "carl.colleague@example.com"))
                .contentType(ContentType.JSON).body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(403)
                .body("type", equalTo(NOT_MEMBER));
        given().header("Authorization", Tokens.bearer("organizer", "carl.colleague@example.com"))
                .contentType(ContentType.JSON).body(Map.of("roomId", Api.venueWithRoom("Other room", 9, 9, 9),
                        "eventId", eventId, "startsAt", start.toString(), "endsAt", end.toString()))
                .post("/api/bookings").then().statusCode(403).body("type", equalTo(NOT_MEMBER));

        // The owner may; so may facility, for the whole organisation.
        as("facility").body(Map.of("templateId", templateId)).post("/api/bookings/{b}/checklists", bookingId)
                .then().statusCode(201);
        as("organizer").body(Map.of("reason", "moved online")).post("/api/bookings/{b}/cancellation", bookingId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void anEventVenueHasNotHeardOfYetCannotBeBookedUntilRegistrationAnnouncesIt() {
        UUID roomId = Api.venueWithRoom("Early room", 10, 10, 10);
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(180);
        Instant end = start.plus(Duration.ofHours(1));
        Api.book(roomId, eventId, start, end, 0, 0).statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not known yet, or not in your organisation, "
                        + "or not visible to you"));
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200).body("bookings.size()", equalTo(0));

        Api.scheduled(eventId, start, end);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.book(roomId, eventId, start, end, 0, 0).statusCode(201));
    }
}
