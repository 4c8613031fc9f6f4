package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.security.Roles;
import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What people change in turn besides events and agendas: a meeting series (its owner on two screens), an action
 * item (its owner and the meeting's organizer), a registration's travel (the attendee and the organizer) and the
 * organisation's retention policy (two privacy officers). Each read answers a strong ETag; a change sent with
 * If-Match from a read that is no longer current is refused with 412 and changes nothing, instead of silently undoing
 * the other change. Without If-Match a change is made as before.
 */
@QuarkusTest
class PlansChangedTogetherTest {
    private static final String OWNER = "erika.assistant@example.com";

    @Test
    void aSeriesChangedFromAScreenThatMissedAMoveIsRefused() throws Exception {
        String owner = Tokens.bearer("organizer", OWNER);
        int year = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear() + 1;
        String series = given().header("Authorization", owner).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("title", "Leadership sync", "firstDate", year + "-02-02",
                        "startTime", "09:00", "durationMinutes", 60, "timeZone", "Europe/Stockholm",
                        "recurrence", "FREQ=WEEKLY;COUNT=4", "capacity", 8))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id");

        // The laptop and the phone read the series: one strong tag, and 304 to it.
        String laptop = readSeries(owner, series).extract().header("ETag");
        assertThat(laptop).startsWith("\"");
        given().header("Authorization", owner).header("If-None-Match", laptop)
                .get("/api/meeting-series/{s}", series).then().statusCode(304).header("ETag", laptop);

        // From the phone, the second meeting moves an hour later; the tag covers the occurrences.
        String secondDate = readSeries(owner, series).extract().path("occurrences[1].date");
        String secondStart = year + "-02-09T09:00:00Z";
        given().header("Authorization", owner).header("If-Match", laptop).contentType(ContentType.JSON)
                .body(Map.of("startsAt", secondStart, "endsAt", year + "-02-09T10:00:00Z"))
                .put("/api/meeting-series/{s}/occurrences/{d}", series, secondDate).then().statusCode(200);
        String moved = readSeries(owner, series).extract().header("ETag");
        assertThat(moved).isNotEqualTo(laptop);

        // The laptop's rename from its older read is refused, naming If-Match and the current tag.
        changeSeries(owner, series, laptop, Map.of("title", "Leadership team")).statusCode(412)
                .contentType("application/problem+json").body("type", endsWith("precondition-failed"))
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(moved));
        given().header("Authorization", owner).header("If-Match", laptop).contentType(ContentType.JSON)
                .body(Map.of("startsAt", secondStart, "endsAt", year + "-02-09T11:00:00Z"))
                .put("/api/meeting-series/{s}/occurrences/{d}", series, secondDate).then().statusCode(412);
        readSeries(owner, series).body("title", equalTo("Leadership sync"))
                .body("occurrences[1].endsAt", equalTo(year + "-02-09T10:00:00Z"));

        // A weak form never matches; the current tag and "*" do; without If-Match nothing is checked.
        changeSeries(owner, series, "W/" + moved, Map.of("title", "Leadership team")).statusCode(412);
        changeSeries(owner, series, moved, Map.of("title", "Leadership team")).statusCode(200)
                .body("title", equalTo("Leadership team"));
        changeSeries(owner, series, "*", Map.of("capacity", 9)).statusCode(200);
        changeSeries(owner, series, null, Map.of("capacity", 10)).statusCode(200).body("capacity", equalTo(10));

        // Of eight changes from one read, exactly one is made.
        String read = readSeries(owner, series).extract().header("ETag");
        List<Integer> statuses = Race.statuses(8, writer -> changeSeries(owner, series, read,
                Map.of("title", "Leadership " + writer)).extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        readSeries(owner, series).body("title", equalTo("Leadership " + statuses.indexOf(200)));
    }

    @Test
    void anActionItemDoneByItsOwnerIsNotCancelledFromAnOlderRead() throws Exception {
        String organizer = Tokens.organizer();
        String ines = Tokens.bearer("attendee", "ines@example.com");
        String id = given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Api.eventBody("Quarterly review", 12, Duration.ofDays(12), Map.of())).post("/api/events")
                .then().statusCode(201).extract().path("id");
        UUID meeting = UUID.fromString(id);
        Map<String, Object> forecast = Map.of("title", "Send the revised forecast", "owner", "ines@example.com",
                "dueDate", "2031-01-15");
        given().header("Authorization", organizer).contentType(ContentType.JSON).body(Map.of(
                "chair", "olivia.organizer@example.com",
                "entries", List.of(Map.of("notes", "Agreed.", "actionItems", List.of(forecast)))))
                .put("/api/events/{e}/minutes", meeting).then().statusCode(200);
        given().header("Authorization", organizer).post("/api/events/{e}/minutes/submit", meeting).then()
                .statusCode(200);
        given().header("Authorization", organizer).post("/api/events/{e}/minutes/approve", meeting).then()
                .statusCode(200);
        String item = given().header("Authorization", organizer).queryParam("eventId", meeting)
                .get("/api/action-items").then().statusCode(200).extract().path("actionItems[0].id");

        // Both read it: the same tag; another organisation does not see it at all.
        String read = readItem(organizer, item).body("status", equalTo("OPEN")).extract().header("ETag");
        assertThat(readItem(ines, item).extract().header("ETag")).isEqualTo(read);
        given().header("Authorization", ines).header("If-None-Match", read).get("/api/action-items/{i}", item)
                .then().statusCode(304);
        given().header("Authorization", Tokens.bearer("organizer", "someone@example.com", "elsewhere"))
                .get("/api/action-items/{i}", item).then().statusCode(404);

        // Ines marks it done; the organizer's cancellation from the older read is refused and changes nothing.
        changeItem(ines, item, read, "DONE").statusCode(200).body("status", equalTo("DONE"));
        String done = readItem(organizer, item).extract().header("ETag");
        changeItem(organizer, item, read, "CANCELLED").statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(done));
        readItem(organizer, item).body("status", equalTo("DONE"));
        changeItem(organizer, item, "W/" + done, "OPEN").statusCode(412);
        changeItem(organizer, item, done, "OPEN").statusCode(200).body("status", equalTo("OPEN"));
        changeItem(organizer, item, null, "DONE").statusCode(200);

        String last = readItem(organizer, item).extract().header("ETag");
        List<Integer> statuses = Race.statuses(8, writer -> changeItem(writer % 2 == 0 ? organizer : ines, item,
                last, writer % 2 == 0 ? "OPEN" : "CANCELLED").extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(7);
    }

    @Test
    void travelChangedByTheAttendeeIsNotOverwrittenByTheOrganizersOlderRead() throws Exception {
        UUID event = TravelAndAccommodationTest.conference();
        String anna = Tokens.bearer("attendee", "anna.lind@example.com");
        String organizer = Tokens.organizer();
        String registration = Api.register(event, "anna.lind@example.com", "Anna Lind").statusCode(201).extract()
                .path("id");
        Map<String, Object> byTrain = Map.of("arrivalAt", "2031-03-13T18:30:00+01:00", "travelMode", "RAIL",
                "hotelCheckIn", "2031-03-13", "hotelCheckOut", "2031-03-15");

        // Nothing given yet: a change that claims to know a state is refused.
        putTravel(organizer, event, registration, "\"nothing-yet\"", byTrain).statusCode(412);
        putTravel(anna, event, registration, null, byTrain).statusCode(200);
        String read = readTravel(organizer, event, registration).extract().header("ETag");
        given().header("Authorization", anna).header("If-None-Match", read)
                .get(TravelAndAccommodationTest.TRAVEL, event, registration).then().statusCode(304);

        // Anna flies instead; the organizer's change from the older read is refused, her change stays.
        putTravel(anna, event, registration, read, Map.of("arrivalAt", "2031-03-13T20:00:00+01:00",
                "travelMode", "AIR", "hotelCheckIn", "2031-03-13", "hotelCheckOut", "2031-03-15")).statusCode(200);
        putTravel(organizer, event, registration, read, Map.of("arrivalAt", "2031-03-13T18:30:00+01:00",
                "travelMode", "RAIL", "hotelCheckIn", "2031-03-14", "hotelCheckOut", "2031-03-15",
                "dietaryNeeds", List.of("VEGAN"))).statusCode(412).body("errors[0].field", equalTo("If-Match"));
        String current = readTravel(organizer, event, registration).body("travelMode", equalTo("AIR"))
                .body("dietaryNeeds", equalTo(List.of())).extract().header("ETag");

        List<Integer> statuses = Race.statuses(8, writer -> putTravel(writer % 2 == 0 ? organizer : anna, event,
                registration, current, Map.of("travelMode", "CAR", "accessibilityNeeds", "Writer " + writer))
                .extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        readTravel(anna, event, registration).body("accessibilityNeeds",
                equalTo("Writer " + statuses.indexOf(200)));
    }

    @Test
    void twoPrivacyOfficersSettingTheRetentionPolicyDoNotUndoEachOther() throws Exception {
        String organisation = "retention-" + UUID.randomUUID();
        String pia = Tokens.bearer(Roles.PRIVACY_OFFICER, "pia@example.com", organisation);
        String otto = Tokens.bearer(Roles.PRIVACY_OFFICER, "otto@example.com", organisation);

        // No policy yet: a change that claims to know a state is refused.
        setPolicy(pia, "\"none\"", 24).statusCode(412);
        setPolicy(pia, null, 24).statusCode(200);
        String read = readPolicy(otto).extract().header("ETag");
        assertThat(readPolicy(pia).extract().header("ETag")).isEqualTo(read);
        given().header("Authorization", otto).header("If-None-Match", read).get("/api/privacy/retention").then()
                .statusCode(304);

        // Pia shortens it to 12 months; Otto's 36 from the older read is refused, and so is his removal.
        setPolicy(pia, read, 12).statusCode(200);
        String current = readPolicy(otto).body("anonymiseRegistrationsAfterMonths", equalTo(12)).extract()
                .header("ETag");
        setPolicy(otto, read, 36).statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(current));
        given().header("Authorization", otto).header("If-Match", read).delete("/api/privacy/retention").then()
                .statusCode(412);
        readPolicy(pia).body("anonymiseRegistrationsAfterMonths", equalTo(12));

        List<Integer> statuses = Race.statuses(8, writer -> setPolicy(writer % 2 == 0 ? pia : otto, current,
                13 + writer).extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        String last = readPolicy(pia).body("anonymiseRegistrationsAfterMonths", equalTo(13 + statuses.indexOf(200)))
                .extract().header("ETag");
        given().header("Authorization", otto).header("If-Match", last).delete("/api/privacy/retention").then()
                .statusCode(204);
        given().header("Authorization", pia).get("/api/privacy/retention").then().statusCode(404);
    }

    private static ValidatableResponse readSeries(String token, String series) {
        return given().header("Authorization", token).get("/api/meeting-series/{s}", series).then().statusCode(200);
    }

    private static ValidatableResponse changeSeries(String token, String series, String ifMatch,
            Map<String, Object> terms) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(terms);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/meeting-series/{s}", series).then();
    }

    private static ValidatableResponse readItem(String token, String item) {
        return given().header("Authorization", token).get("/api/action-items/{i}", item).then().statusCode(200);
    }

    private static ValidatableResponse changeItem(String token, String item, String ifMatch, String status) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("status", status));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/action-items/{i}", item).then();
    }

    private static ValidatableResponse readTravel(String token, UUID event, String registration) {
        return given().header("Authorization", token).get(TravelAndAccommodationTest.TRAVEL, event, registration)
                .then().statusCode(200);
    }

    private static ValidatableResponse putTravel(String token, UUID event, String registration, String ifMatch,
            Map<String, Object> body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(TravelAndAccommodationTest.TRAVEL, event, registration).then();
    }

    private static ValidatableResponse readPolicy(String token) {
        return given().header("Authorization", token).get("/api/privacy/retention").then().statusCode(200);
    }

    private static ValidatableResponse setPolicy(String token, String ifMatch, int months) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("anonymiseRegistrationsAfterMonths", months));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/privacy/retention").then();
    }
}
