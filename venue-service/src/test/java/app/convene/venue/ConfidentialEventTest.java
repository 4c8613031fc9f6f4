package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * An executive's confidential board meeting: the assistant, her delegate, books its room and sets up its checklist
 * on her behalf; a colleague organizer and the facility coordinator, who are not on it, find none of it.
 */
@QuarkusTest
class ConfidentialEventTest {
    private static final String EXECUTIVE = "erin.executive@example.com";
    private static final String ASSISTANT = "adam.assistant@example.com";
    private static final EventAccess BOARD = new EventAccess(Tokens.ORGANISATION, EXECUTIVE, true, List.of(),
            List.of(new EventAccess.Delegate(ASSISTANT, EXECUTIVE)));

    @Test
    void theAssistantBooksTheExecutivesConfidentialBoardMeetingAndAColleagueFindsNoneOfIt() {
        UUID roomId = Api.venueWithRoom("Board room", 20, 20, 20);
        Instant start = Api.daysFromNow(160);
        Instant end = start.plus(Duration.ofHours(3));
        UUID eventId = Api.event(UUID.randomUUID(), "Board meeting: acquisition", start, end, BOARD);
        String templateId = as("facility").body(Map.of("name", "Board set-up " + UUID.randomUUID(),
                "category", "AV", "items", List.of(Map.of("description", "Screen works", "mandatory", true,
                        "dueHoursBeforeStart", 4))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");

        // The assistant acts for the executive.
        String bookingId = as(ASSISTANT).body(Map.of("roomId", roomId, "eventId", eventId,
                "startsAt", start.toString(), "endsAt", end.toString(), "setupMinutes", 30))
                .post("/api/bookings").then().statusCode(201).body("bookedBy", equalTo(ASSISTANT))
                .extract().path("id");
        String checklistId = as(ASSISTANT).body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().path("id");
        as(EXECUTIVE).get("/api/bookings/{b}", bookingId).then().statusCode(200);
        as(ASSISTANT).get("/api/events/{e}/readiness", eventId).then().statusCode(200)
                .body("title", equalTo("Board meeting: acquisition"));

        // A colleague organizer of the same organisation, not on the event: none of it exists for her.
        for (ValidatableResponse hidden : List.of(
                as("organizer").get("/api/bookings/{b}", bookingId).then(),
                as("organizer").get("/api/events/{e}/readiness", eventId).then(),
                as("organizer").get("/api/events/{e}/checklists", eventId).then(),
                as("organizer").get("/api/checklists/{c}", checklistId).then(),
                as("organizer").get("/api/events/{e}/actions", eventId).then(),
                as("organizer").get("/api/events/{e}/insurance-certificates", eventId).then(),
                as("organizer").body(Map.of("reason", "mine")).post("/api/bookings/{b}/cancellation", bookingId)
                        .then(),
                as("organizer").body(Map.of("templateId", templateId))
                        .post("/api/bookings/{b}/checklists", bookingId).then(),
                // Facility sees a confidential event only when it is on it.
                as("facility").get("/api/events/{e}/readiness", eventId).then(),
                as("facility").post("/api/checklists/{c}/sign-off", checklistId).then())) {
            hidden.statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("in your organisation, or not visible to you"))
                    .body("title", not(containsString("acquisition")));
        }
        as("organizer").get("/api/events/{e}/audit", eventId).then().statusCode(404);
        // Reached through the booking or the checklist, the answer does not even tell the event's id.
        as("organizer").get("/api/bookings/{b}", bookingId).then().body(not(containsString(eventId.toString())));
        as("organizer").get("/api/checklists/{c}", checklistId).then().body(not(containsString(eventId.toString())));
        // The room's list leaves the booking out; a clashing booking learns the slot is taken, not by whom.
        List<String> listed = as("organizer").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .extract().path("bookings.id");
        assertThat(listed).doesNotContain(bookingId);
        UUID ownEvent = Api.event(start, end);
        String clash = Api.book(roomId, ownEvent, start, end, 0, 0).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-taken"))
                .body("detail", containsString("a booking of an event you may not see"))
                .extract().asString();
        assertThat(clash).doesNotContain(bookingId).doesNotContain(eventId.toString());

        // The audit trail tells who acted, and on whose behalf; the executive reads it.
        JsonPath audit = as(EXECUTIVE).get("/api/events/{e}/audit", eventId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getList("entries.findAll { it.action == 'POST /api/bookings' }.actor"))
                .containsExactly(ASSISTANT);
        assertThat(audit.getList("entries.findAll { it.action == 'POST /api/bookings' }.onBehalfOf"))
                .containsExactly(EXECUTIVE);
        assertThat(audit.getList("entries.findAll { it.action == 'POST /api/bookings/" + bookingId
                + "/checklists' }.onBehalfOf")).containsExactly(EXECUTIVE);

        // Registration makes the colleague a co-organizer: from then on she sees it, and may change it.
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId,
                new RegistrationEvents.EventUpdated(eventId, "Board meeting: acquisition", start, end,
                        "Europe/Amsterdam", 500, "PUBLISHED", null, null, new EventAccess(Tokens.ORGANISATION,
                                EXECUTIVE, true, List.of(Api.ORGANIZER), BOARD.delegates()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("organizer")
                .get("/api/bookings/{b}", bookingId).then().statusCode(200));
        as("organizer").get("/api/checklists/{c}", checklistId).then().statusCode(200);
        as("facility").get("/api/events/{e}/readiness", eventId).then().statusCode(404);
    }

    @Test
    void facilityListedOnAConfidentialEventDoesItsWorkThere() {
        String facility = "fiona.facility@example.com";
        Instant start = Api.daysFromNow(165);
        Instant end = start.plus(Duration.ofHours(2));
        UUID eventId = Api.event(start, end, new EventAccess(Tokens.ORGANISATION, EXECUTIVE, true,
                List.of(facility), List.of()));
        UUID roomId = Api.venueWithRoom("Quiet room", 12, 12, 12);
        RequestSpecification listedFacility = given().header("Authorization", Tokens.bearer("facility", facility))
                .contentType(ContentType.JSON);
        listedFacility.body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", start.toString(),
                "endsAt", end.toString())).post("/api/bookings").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("facility", facility))
                .get("/api/events/{e}/readiness", eventId).then().statusCode(200)
                .body("checks.find { it.name == 'room booked' }.status", equalTo("MET"));
        as("facility").get("/api/events/{e}/readiness", eventId).then().statusCode(404);
    }

    /** A token of this organizer of acme (the assistant holds the organizer role too). */
    private static RequestSpecification as(String who) {
        if (!who.contains("@")) {
            return Api.as(who);
        }
        return given().header("Authorization", Tokens.bearer("organizer", who)).contentType(ContentType.JSON);
    }
}
