package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The executive assistant looks at the company's schedule for one day and sees the CEO booked into two meetings that
 * overlap; once one of them is called off, the clash is gone.
 */
@QuarkusTest
class CorporateScheduleTest {

    @Test
    void theScheduleMarksAnExecutiveBookedIntoTwoOverlappingMeetings() throws Exception {
        Instant day = Instant.now().plus(Duration.ofDays(1000 + ThreadLocalRandom.current().nextInt(2000)))
                .truncatedTo(ChronoUnit.DAYS);
        UUID strategy = meeting("Strategy review", day.plus(Duration.ofHours(8)), Duration.ofHours(2));
        UUID investors = meeting("Investor call", day.plus(Duration.ofHours(9)), Duration.ofHours(2));
        UUID lunch = meeting("Team lunch", day.plus(Duration.ofHours(12)), Duration.ofHours(1));
        String ceo = "ceo-" + UUID.randomUUID() + "@example.com";
        String cfo = "cfo-" + UUID.randomUUID() + "@example.com";
        for (UUID meeting : List.of(strategy, investors, lunch)) {
            Api.register(meeting, ceo, "The CEO").statusCode(201);
        }
        Api.register(strategy, cfo, "The CFO").statusCode(201);
        Api.register(lunch, cfo, "The CFO").statusCode(201);

        String from = day.toString();
        String to = day.plus(Duration.ofDays(1)).toString();
        JsonPath schedule = given().header("Authorization", Tokens.organizer()).queryParam("from", from)
                .queryParam("to", to).queryParam("person", ceo).get("/api/schedule").then().statusCode(200)
                .extract().jsonPath();
        assertThat(schedule.getList("entries.title", String.class))
                .containsExactly("Strategy review", "Investor call", "Team lunch");
        assertThat(schedule.getList("clashes.person", String.class)).containsExactly(ceo);
        assertThat(schedule.getList("clashes[0].eventIds", String.class))
                .containsExactly(strategy.toString(), investors.toString());
        assertThat(schedule.getString("clashes[0].from")).isEqualTo(day.plus(Duration.ofHours(9)).toString());
        assertThat(schedule.getString("clashes[0].until")).isEqualTo(day.plus(Duration.ofHours(10)).toString());
        assertThat(schedule.getList("entries.clashingPeople", List.class))
                .containsExactly(List.of(ceo), List.of(ceo), List.of());

        // The CFO's day has no clash.
        given().header("Authorization", Tokens.organizer()).queryParam("from", from).queryParam("to", to)
                .queryParam("person", cfo).get("/api/schedule").then().statusCode(200)
                .body("entries.title", equalTo(List.of("Strategy review", "Team lunch")))
                .body("clashes", equalTo(List.of()));

        // The same day as a calendar: the clashing entries say who clashes.
        String feed = given().header("Authorization", Tokens.organizer()).queryParam("from", from)
                .queryParam("to", to).queryParam("person", ceo).get("/api/schedule/calendar.ics").then()
                .statusCode(200).contentType(containsString("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> entries = calendar.getComponents("VEVENT");
        assertThat(entries).hasSize(3);
        assertThat(entries.stream().filter(v -> v.getProperty("X-CONVENE-CLASH").isPresent())
                .map(v -> v.getProperty("SUMMARY").orElseThrow().getValue()))
                .containsExactlyInAnyOrder("Strategy review", "Investor call");
        // Every entry's time zone is defined once in the feed (RFC 5545 wants a VTIMEZONE for each TZID).
        List<String> named = entries.stream().map(v -> v.getProperty("DTSTART").orElseThrow().getParameter("TZID")
                .orElseThrow().getValue()).distinct().toList();
        assertThat(named).containsExactly("Europe/Stockholm");
        assertThat(calendar.getComponents("VTIMEZONE").stream()
                .map(z -> ((Component) z).getProperty("TZID").orElseThrow().getValue())).containsExactly(
                        "Europe/Stockholm");

        // Another organisation sees nothing of it.
        given().header("Authorization", Tokens.bearer("organizer", "olaf@other.example", "other-org"))
                .queryParam("from", from).queryParam("to", to).queryParam("person", ceo).get("/api/schedule")
                .then().statusCode(200).body("entries", equalTo(List.of()));

        // The investor call is called off: no clash any more.
        given().header("Authorization", Tokens.organizer()).post("/api/events/{e}/cancel", investors).then()
                .statusCode(200);
        given().header("Authorization", Tokens.organizer()).queryParam("from", from).queryParam("to", to)
                .queryParam("person", ceo).get("/api/schedule").then().statusCode(200)
                .body("clashes", equalTo(List.of()))
                .body("entries.find { it.eventId == '" + investors + "' }.status", equalTo("CANCELLED"));
    }

    @Test
    void theScheduleOfOneDepartmentHoldsItsEventsAndTheOccurrencesOfItsSeries() throws Exception {
        // Within the horizon up to which a series' occurrences exist.
        Instant day = Instant.now().plus(Duration.ofDays(60 + ThreadLocalRandom.current().nextInt(300)))
                .truncatedTo(ChronoUnit.DAYS);
        String finance = "Finance " + UUID.randomUUID();
        UUID close = meeting("Quarter close", day.plus(Duration.ofHours(8)), Duration.ofHours(2), finance);
        UUID pipeline = meeting("Pipeline review", day.plus(Duration.ofHours(9)), Duration.ofHours(1), "Sales");
        meeting("All hands", day.plus(Duration.ofHours(13)), Duration.ofHours(1), null);
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("department", "Sales")).patch("/api/events/{e}", close).then().statusCode(200)
                .body("department", equalTo("Sales"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("department", finance)).patch("/api/events/{e}", close).then().statusCode(200)
                .body("department", equalTo(finance));

        // A weekly finance stand-up: its occurrences belong to the series' department.
        String series = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", "Finance stand-up", "firstDate", day.atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate().toString(), "startTime", "11:00", "durationMinutes", 30, "timeZone", "UTC",
                        "recurrence", "FREQ=WEEKLY;COUNT=3", "capacity", 12, "department", finance))
                .post("/api/meeting-series").then().statusCode(201).body("department", equalTo(finance))
                .extract().path("id");

        String from = day.toString();
        String to = day.plus(Duration.ofDays(1)).toString();
        JsonPath schedule = given().header("Authorization", Tokens.organizer()).queryParam("from", from)
                .queryParam("to", to).queryParam("department", finance.toUpperCase()).get("/api/schedule").then()
                .statusCode(200).extract().jsonPath();
        assertThat(schedule.getList("entries.title", String.class)).containsExactly("Quarter close",
                "Finance stand-up");
        assertThat(schedule.getList("entries.department", String.class)).containsOnly(finance);
        assertThat(schedule.getString("entries[1].seriesId")).isEqualTo(series);
        assertThat(schedule.getList("entries.eventId", String.class)).doesNotContain(pipeline.toString());

        String feed = given().header("Authorization", Tokens.organizer()).queryParam("from", from)
                .queryParam("to", to).queryParam("department", finance).get("/api/schedule/calendar.ics").then()
                .statusCode(200).extract().asString();
        List<VEvent> entries = new CalendarBuilder().build(new StringReader(feed)).getComponents("VEVENT");
        assertThat(entries).hasSize(2).allSatisfy(v -> assertThat(v.getProperty("CATEGORIES").orElseThrow()
                .getValue()).isEqualTo(finance));

        // A blank department is refused, naming the field.
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("department", "  ")).patch("/api/events/{e}", pipeline).then().statusCode(400)
                .body("errors[0].field", containsString("department"));
    }

    @Test
    void aRangeThatIsMissingBackwardsOrLongerThanAYearIsRefusedNamingTheField() {
        given().header("Authorization", Tokens.organizer()).queryParam("to", "2031-01-01T00:00:00Z")
                .get("/api/schedule").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", Tokens.organizer()).queryParam("from", "2031-01-02T00:00:00Z")
                .queryParam("to", "2031-01-01T00:00:00Z").get("/api/schedule").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.organizer()).queryParam("from", "2031-01-01T00:00:00Z")
                .queryParam("to", "2032-06-01T00:00:00Z").get("/api/schedule").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.organizer()).queryParam("from", "yesterday")
                .queryParam("to", "2032-06-01T00:00:00Z").get("/api/schedule").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void clashesThatBeginAtOnceComeInOneOrderAndAPolledFeedIsToldWhenNothingChanged() throws Exception {
        Instant day = Instant.now().plus(Duration.ofDays(1000 + ThreadLocalRandom.current().nextInt(2000)))
                .truncatedTo(ChronoUnit.DAYS);
        Instant nine = day.plus(Duration.ofHours(9));
        List<String> meetings = new java.util.ArrayList<>();
        for (String title : List.of("Board", "Audit committee", "Press briefing")) {
            meetings.add(meeting(title, nine, Duration.ofHours(1)).toString());
        }
        String chair = "chair-" + UUID.randomUUID() + "@example.com";
        for (String meeting : meetings) {
            Api.register(UUID.fromString(meeting), chair, "The Chair").statusCode(201);
        }
        List<String> sorted = meetings.stream().sorted().toList();
        var day1 = given().header("Authorization", Tokens.organizer()).queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofDays(1)).toString()).queryParam("person", chair);

        // Three clashes, all from nine, for the same person: ordered by the meetings' ids, pair by pair.
        JsonPath schedule = day1.get("/api/schedule").then().statusCode(200).extract().jsonPath();
        assertThat(schedule.getList("clashes.eventIds", List.class)).containsExactly(
                List.of(sorted.get(0), sorted.get(1)), List.of(sorted.get(0), sorted.get(2)),
                List.of(sorted.get(1), sorted.get(2)));
        assertThat(schedule.getList("clashes.from", String.class)).containsOnly(nine.toString());

        // A calendar application polls the day: a second later the same feed, so 304.
        var first = day1.get("/api/schedule/calendar.ics");
        first.then().statusCode(200);
        Thread.sleep(1100);
        day1.header("If-None-Match", first.header("ETag")).get("/api/schedule/calendar.ics").then().statusCode(304);
    }

    private static UUID meeting(String title, Instant start, Duration length) {
        return meeting(title, start, length, null);
    }

    private static UUID meeting(String title, Instant start, Duration length, String department) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "startsAt", start.toString(),
                "endsAt", start.plus(length).toString(), "timeZone", "Europe/Stockholm", "capacity", 10));
        if (department != null) {
            body.put("department", department);
        }
        return UUID.fromString(given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(body).post("/api/events").then().statusCode(201).extract().path("id"));
    }
}
