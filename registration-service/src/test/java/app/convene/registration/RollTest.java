package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RollTest {

    @Test
    void theRollIsReadPageByPageInRegistrationOrderWithFilters() {
        UUID eventId = Api.scheduleEvent("Annual conference", 5);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            emails.add("p" + i + "@example.com");
            Api.register(eventId, emails.get(i), "Person " + i).statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().header("Authorization", Tokens.organizer()).queryParam("limit", 3)
                    .queryParam("after", cursor == null ? "" : cursor).get("/api/events/{e}/roll", eventId)
                    .then().statusCode(200).extract();
            seen.addAll(page.path("registrations.attendee.email"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(emails);

        given().header("Authorization", Tokens.organizer()).queryParam("status", "WAITLISTED")
                .get("/api/events/{e}/roll", eventId).then().body("registrations", hasSize(2))
                .body("next", nullValue());
    }

    /** At the door someone without their ticket gives a name: the roll finds them by part of it, any case. */
    @Test
    void theRollFindsAttendeesByPartOfTheirNameAddressOrOrganisationOrByTicketCode() {
        UUID eventId = Api.scheduleEvent("Door lookup", 10);
        String marta = Api.register(eventId, "marta.lind@example.com", "Marta Lindqvist").statusCode(201).extract()
                .path("id");
        given().header("Authorization", Tokens.bearer("attendee", "ola@nordbank.example"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", "ola@nordbank.example", "name", "Ola Berg",
                        "organisation", "Nordbank 100% AB")))
                .post("/api/events/{eventId}/registrations", eventId).then().statusCode(201);
        Api.register(eventId, "lindsay@example.com", "Lindsay Moe").statusCode(201);
        Api.register(eventId, "per@example.com", "Per_Holm").statusCode(201);
        String ticket = given().header("Authorization", Tokens.organizer())
                .get("/api/events/{e}/registrations/{r}", eventId, marta).then().statusCode(200).extract()
                .path("ticketCode");

        // Part of a name, any case, in registration order; a page at a time with the same q.
        var first = given().header("Authorization", Tokens.organizer()).queryParam("q", "LIND").queryParam("limit", 1)
                .get("/api/events/{e}/roll", eventId).then().statusCode(200)
                .body("registrations.attendee.name", equalTo(List.of("Marta Lindqvist"))).extract();
        given().header("Authorization", Tokens.organizer()).queryParam("q", "LIND").queryParam("limit", 1)
                .queryParam("after", (String) first.path("next")).get("/api/events/{e}/roll", eventId).then()
                .statusCode(200).body("registrations.attendee.name", equalTo(List.of("Lindsay Moe")))
                .body("next", nullValue());
        // The address, the organisation (wildcards taken as written), the ticket as scanned or typed.
        given().header("Authorization", Tokens.organizer()).queryParam("q", "nordbank.example")
                .get("/api/events/{e}/roll", eventId).then().body("registrations.attendee.name",
                        equalTo(List.of("Ola Berg")));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "100% ab")
                .get("/api/events/{e}/roll", eventId).then().body("registrations.attendee.name",
                        equalTo(List.of("Ola Berg")));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "%")
                .get("/api/events/{e}/roll", eventId).then().body("registrations.attendee.name",
                        equalTo(List.of("Ola Berg")));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "_")
                .get("/api/events/{e}/roll", eventId).then().body("registrations.attendee.name",
                        equalTo(List.of("Per_Holm")));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "Nobody")
                .get("/api/events/{e}/roll", eventId).then().body("registrations", hasSize(0));
        given().header("Authorization", Tokens.organizer()).queryParam("q", ticket.toLowerCase())
                .get("/api/events/{e}/roll", eventId).then().body("registrations.id", equalTo(List.of(marta)));
        // The CSV takes the same filter; a blank or overlong q is refused, naming it.
        String csv = given().header("Authorization", Tokens.organizer()).queryParam("q", "lind")
                .get("/api/events/{e}/roll.csv", eventId).then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).toList()).hasSize(2).allSatisfy(line -> assertThat(line).containsIgnoringCase("lind"));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "  ")
                .get("/api/events/{e}/roll", eventId).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("q"));
        given().header("Authorization", Tokens.organizer()).queryParam("q", "x".repeat(201))
                .get("/api/events/{e}/roll.csv", eventId).then().statusCode(400);
    }

    @Test
    void checkInUndoAndNoShowsAreCountedAndFilterable() {
        UUID eventId = UUID.fromString(Api.postEvent(eventBody("Yesterday's seminar", 10, Duration.ofDays(-1),
                Map.of())).statusCode(201).extract().path("id"));
        String came = Api.organizerRegisters(eventId, "came@example.com", "Came").statusCode(201).extract().path("id");
        String undone = Api.organizerRegisters(eventId, "oops@example.com", "Oops").extract().path("id");
        Api.organizerRegisters(eventId, "away@example.com", "Away");

        asOrganizer("POST", "/api/events/{e}/registrations/{r}/check-in", eventId, came).statusCode(200);
        asOrganizer("POST", "/api/events/{e}/registrations/{r}/check-in", eventId, came).statusCode(409);
        asOrganizer("POST", "/api/events/{e}/registrations/{r}/check-in", eventId, undone).statusCode(200);
        asOrganizer("DELETE", "/api/events/{e}/registrations/{r}/check-in", eventId, undone).statusCode(200)
                .body("checkedInAt", nullValue());
        given().header("Authorization", Tokens.organizer()).queryParam("checkedIn", true)
                .get("/api/events/{e}/roll", eventId).then().body("registrations.attendee.email",
                        org.hamcrest.Matchers.contains("came@example.com"));

        asOrganizer("POST", "/api/events/{e}/attendance/close", eventId).statusCode(200)
                .body("checkedIn", equalTo(1)).body("noShows", equalTo(2));
        asOrganizer("POST", "/api/events/{e}/attendance/close", eventId).statusCode(200).body("noShows", equalTo(2));
        given().header("Authorization", Tokens.organizer()).queryParam("noShow", true)
                .get("/api/events/{e}/roll", eventId).then().body("registrations", hasSize(2));
    }

    @Test
    void attendanceCannotBeClosedBeforeTheEventEnds() {
        UUID eventId = Api.scheduleEvent("Still to come", 3);
        asOrganizer("POST", "/api/events/{e}/attendance/close", eventId).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/event-not-ended"));
    }

    @Test
    void theRollExportsAsCsv() {
        UUID eventId = Api.scheduleEvent("Export me", 2);
        Api.register(eventId, "q1@example.com", "Quinn, Senior").statusCode(201);
        Api.register(eventId, "q2@example.com", "Quinn \"Q\" Two").statusCode(201);
        Api.register(eventId, "q3@example.com", "Quinn Three").statusCode(201);

        String csv = given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/roll.csv", eventId)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("registrationId,status,email,name,organisation,registeredAt,checkedInAt,"
                + "noShow,lateCancellation,cancelledAt,ticketCode");
        assertThat(lines.get(1)).contains("CONFIRMED,q1@example.com,\"Quinn, Senior\"").matches(".*,\"?[0-9A-F]{32}\"?");
        assertThat(lines.get(2)).contains("\"Quinn \"\"Q\"\" Two\"");
        assertThat(lines.get(3)).contains("WAITLISTED,q3@example.com");
    }

    @Test
    void aNameThatASpreadsheetWouldRunAsAFormulaIsExportedAsText() {
        UUID eventId = Api.scheduleEvent("Formula guests", 5);
        Api.register(eventId, "f1@example.com", "=HYPERLINK(\"http://evil.example\",\"Click\")").statusCode(201);
        Api.register(eventId, "f2@example.com", "@SUM(A1:A9)").statusCode(201);
        Api.register(eventId, "f3@example.com", "-Dash Dashwood").statusCode(201);

        String csv = given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/roll.csv", eventId)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(1))
                .contains(",f1@example.com,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",");
        assertThat(lines.get(2)).contains(",f2@example.com,\"'@SUM(A1:A9)\",");
        assertThat(lines.get(3)).contains("'-Dash Dashwood").doesNotContain(",-Dash").doesNotContain("\"-Dash");
        // The JSON roll shows the names as they were given.
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/roll", eventId).then()
                .body("registrations[1].attendee.name", equalTo("@SUM(A1:A9)"));
    }

    @Test
    void badPagingIsAClientError() {
        UUID eventId = Api.scheduleEvent("Paging rules", 2);
        given().header("Authorization", Tokens.organizer()).queryParam("limit", 0)
                .get("/api/events/{e}/roll", eventId).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.organizer()).queryParam("limit", 501)
                .get("/api/events/{e}/roll", eventId).then().statusCode(400);
        given().header("Authorization", Tokens.organizer()).queryParam("after", "!!not-a-cursor")
                .get("/api/events/{e}/roll", eventId).then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().header("Authorization", Tokens.organizer()).queryParam("status", "MAYBE")
                .get("/api/events/{e}/roll", eventId).then().statusCode(400);
        // A filter not in its form is named, not read as false nor taken for a missing resource.
        for (String notYesOrNo : new String[] { "1", "yes", "ja" }) {
            given().header("Authorization", Tokens.organizer()).queryParam("checkedIn", notYesOrNo)
                    .get("/api/events/{e}/roll", eventId).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("checkedIn"))
                    .body("errors[0].message", equalTo("must be true or false"));
        }
        given().header("Authorization", Tokens.organizer()).queryParam("limit", "ten")
                .get("/api/events/{e}/roll", eventId).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", Tokens.organizer()).queryParam("checkedIn", "FALSE")
                .queryParam("noShow", "").get("/api/events/{e}/roll", eventId).then().statusCode(200);
        given().header("Authorization", Tokens.organizer()).queryParam("eventId", "not-an-id")
                .get("/api/action-items").then().statusCode(400).body("errors[0].field", equalTo("eventId"));
        given().header("Authorization", Tokens.organizer()).queryParam("eventId", eventId.toString())
                .get("/api/action-items").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("attendee", "q@example.com"))
                .get("/api/events/{e}/roll", eventId).then().statusCode(403);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/roll", UUID.randomUUID()).then()
                .statusCode(404);
    }
    /** A workshop host's attendance list: the roll of those holding a seat in the session or waiting for one. */
    @Test
    void aSessionsAttendanceListIsTheRollOfThoseWhoChoseIt() {
        UUID eventId = UUID.fromString(Api.postEvent(eventBody("Workshop day", 2, Duration.ofDays(20), Map.of()))
                .statusCode(201).extract().path("id"));
        var event = asOrganizer("GET", "/api/events/{e}", eventId).extract();
        String lab = sessionOf(eventId, "Lab", event.path("startsAt"), event.path("endsAt"));
        String talk = sessionOf(eventId, "Talk", event.path("startsAt"), event.path("endsAt"));
        String ada = registerFor(eventId, "ada.lab@example.com", List.of(lab));
        String bo = registerFor(eventId, "bo.lab@example.com", List.of(lab, talk));
        registerFor(eventId, "cy.talk@example.com", List.of(talk));
        String di = registerFor(eventId, "di.lab@example.com", List.of(lab));

        // Ada and Bo hold seats, Di waits for one (the event is full); Cy chose only the talk.
        asOrganizer("GET", "/api/events/{e}/roll?sessionId={s}", eventId, lab).statusCode(200)
                .body("registrations.id", equalTo(List.of(ada, bo, di)));
        asOrganizer("GET", "/api/events/{e}/roll?sessionId={s}&status=CONFIRMED", eventId, lab)
                .body("registrations.id", equalTo(List.of(ada, bo)));
        // Bo leaves the lab for the talk alone: no longer on its list.
        given().header("Authorization", Tokens.bearer("attendee", "bo.lab@example.com")).contentType("application/json")
                .body(Map.of("sessionIds", List.of(talk)))
                .put("/api/events/{e}/registrations/{r}/sessions", eventId, bo).then().statusCode(200);
        asOrganizer("GET", "/api/events/{e}/roll?sessionId={s}", eventId, lab)
                .body("registrations.id", equalTo(List.of(ada, di)));
        String csv = asOrganizer("GET", "/api/events/{e}/roll.csv?sessionId={s}", eventId, lab).statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("ada.lab@example.com").contains("di.lab@example.com")
                .doesNotContain("bo.lab@example.com");

        // A session of another event is named; only the event's members read the list.
        UUID other = UUID.fromString(Api.postEvent(eventBody("Other day", 5, Duration.ofDays(20), Map.of()))
                .statusCode(201).extract().path("id"));
        asOrganizer("GET", "/api/events/{e}/roll?sessionId={s}", other, lab).statusCode(400)
                .body("errors[0].field", equalTo("sessionId"));
        asOrganizer("GET", "/api/events/{e}/roll.csv?sessionId={s}", other, lab).statusCode(400);
        asOrganizer("GET", "/api/events/{e}/roll?sessionId=not-an-id", eventId).statusCode(400)
                .body("errors[0].field", equalTo("sessionId"));
        given().header("Authorization", Tokens.bearer("attendee", "ada.lab@example.com"))
                .get("/api/events/{e}/roll?sessionId={s}", eventId, lab).then().statusCode(403);
    }

    private static String sessionOf(UUID eventId, String title, String startsAt, String endsAt) {
        return given().header("Authorization", Tokens.organizer()).contentType("application/json")
                .body(Map.of("title", title, "startsAt", startsAt, "endsAt", endsAt, "capacity", 10))
                .post("/api/events/{e}/sessions", eventId).then().statusCode(201).extract().path("id");
    }

    private static String registerFor(UUID eventId, String email, List<String> sessionIds) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType("application/json")
                .body(Map.of("attendee", Map.of("email", email, "name", email), "sessionIds", sessionIds))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201).extract().path("id");
    }
}
