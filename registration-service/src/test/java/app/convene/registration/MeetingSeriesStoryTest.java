package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * An executive assistant keeps the monthly board meeting: last Friday of the month at 10:00 in Stockholm, six times
 * from January, across the change to summer time. One occurrence is moved, one called off, then the series moves to
 * 11:00 from now on; a calendar application subscribed through a private link sees all of it.
 */
@QuarkusTest
class MeetingSeriesStoryTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String OWNER = "erika.assistant@example.com";

    private static String owner() {
        return Tokens.bearer("organizer", OWNER);
    }

    @Test
    void aMonthlyBoardMeetingWithOneMovedAndOneCancelledOccurrenceAsACalendarAppSeesIt() throws Exception {
        int year = LocalDate.now(STOCKHOLM).getYear() + 1;
        LocalDate january = lastFriday(year, 1);
        Map<String, Object> body = Map.of("title", "Board meeting", "firstDate", january.toString(),
                "startTime", "10:00", "durationMinutes", 120, "timeZone", "Europe/Stockholm",
                "recurrence", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", "capacity", 12, "language", "sv",
                "location", "Boardroom, 5th floor");
        String key = UUID.randomUUID().toString();
        JsonPath created = given().header("Authorization", owner()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/meeting-series")
                .then().statusCode(201).extract().jsonPath();
        UUID seriesId = UUID.fromString(created.getString("id"));
        given().header("Authorization", owner()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/meeting-series").then().statusCode(201).body("id", equalTo(seriesId.toString()));

        // Six occurrences at 10:00 local: 09:00 UTC in winter, 08:00 UTC once summer time has begun.
        List<String> dates = created.getList("occurrences.date");
        assertThat(dates).containsExactly(january.toString(), lastFriday(year, 2).toString(),
                lastFriday(year, 3).toString(), lastFriday(year, 4).toString(), lastFriday(year, 5).toString(),
                lastFriday(year, 6).toString());
        for (int month = 1; month <= 6; month++) {
            Instant start = lastFriday(year, month).atTime(10, 0).atZone(STOCKHOLM).toInstant();
            assertThat(created.getString("occurrences[" + (month - 1) + "].startsAt")).isEqualTo(start.toString());
        }
        assertThat(created.getString("occurrences[2].startsAt")).endsWith("T09:00:00Z");
        assertThat(created.getString("occurrences[3].startsAt")).endsWith("T08:00:00Z");

        // Each occurrence is an ordinary event: people register for it, and it is announced like any event.
        UUID april = UUID.fromString(created.getString("occurrences[3].eventId"));
        String unregistered = given().header("Authorization", owner()).get("/api/events/{id}", april).then()
                .statusCode(200).body("title", equalTo("Board meeting")).body("capacity", equalTo(12))
                .body("language", equalTo("sv")).extract().header("ETag");
        given().header("Authorization", owner()).header("If-None-Match", unregistered)
                .get("/api/events/{id}", april).then().statusCode(304);
        Api.register(april, "board.member@example.com", "Board Member").statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        // The polling screen's tag is out of date now: it gets the new count, and a new tag.
        given().header("Authorization", owner()).header("If-None-Match", unregistered)
                .get("/api/events/{id}", april).then().statusCode(200).body("confirmed", equalTo(1))
                .header("ETag", not(equalTo(unregistered)));
        assertThat(Api.announced(seriesId, "registration.meeting-series-scheduled.v1", 1)).isNotEmpty();
        assertThat(Api.announced(april, "registration.event-scheduled.v1", 1)).isNotEmpty();

        // March's meeting moves to the Thursday before at 14:00; February's is called off.
        LocalDate march = lastFriday(year, 3);
        Instant marchStart = march.minusDays(1).atTime(14, 0).atZone(STOCKHOLM).toInstant();
        given().header("Authorization", owner()).contentType(ContentType.JSON)
                .body(Map.of("startsAt", marchStart.toString(), "endsAt", marchStart.plusSeconds(7200).toString()))
                .put("/api/meeting-series/{s}/occurrences/{d}", seriesId, march.toString()).then().statusCode(200);
        given().header("Authorization", owner()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/meeting-series/{s}/occurrences/{d}/cancel", seriesId, lastFriday(year, 2).toString())
                .then().statusCode(200).body("occurrences[1].status", equalTo("CANCELLED"));

        // From now on the board meets at 11:00: the moved meeting keeps its time, the cancelled one stays off.
        JsonPath changed = given().header("Authorization", owner()).contentType(ContentType.JSON)
                .body(Map.of("startTime", "11:00", "location", "Boardroom, 6th floor"))
                .patch("/api/meeting-series/{s}", seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getInt("sequence")).isGreaterThan(created.getInt("sequence") + 2);
        assertThat(changed.getString("occurrences[0].startsAt"))
                .isEqualTo(january.atTime(11, 0).atZone(STOCKHOLM).toInstant().toString());
        assertThat(changed.getString("occurrences[1].status")).isEqualTo("CANCELLED");
        assertThat(changed.getString("occurrences[2].startsAt")).isEqualTo(marchStart.toString());
        assertThat(changed.getString("occurrences[3].startsAt"))
                .isEqualTo(lastFriday(year, 4).atTime(11, 0).atZone(STOCKHOLM).toInstant().toString());
        assertThat(changed.getString("occurrences[3].eventId")).isEqualTo(april.toString());
        given().header("Authorization", owner()).get("/api/events/{id}", april).then().statusCode(200)
                .body("confirmed", equalTo(1));

        // A calendar application subscribes through a private link, without a bearer token.
        String url = given().header("Authorization", owner()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/meeting-series/{s}/calendar-feeds", seriesId).then().statusCode(201)
                .extract().path("url");
        io.restassured.response.Response subscribed = given().get(url);
        String feed = subscribed.then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        // The application polls the link: a second later (another DTSTAMP) nothing has changed, and it is told so.
        String tag = subscribed.header("ETag");
        Thread.sleep(1100);
        given().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", equalTo(tag));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).hasSize(2);
        VEvent master = vevents.stream().filter(v -> v.getProperty("RRULE").isPresent()).findFirst().orElseThrow();
        assertThat(master.getProperty("UID").orElseThrow().getValue()).isEqualTo(seriesId + "@convene.app");
        assertThat(master.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Boardroom, 6th floor");
        assertThat(Integer.parseInt(master.getProperty("SEQUENCE").orElseThrow().getValue()))
                .isEqualTo(changed.getInt("sequence"));
        assertThat(calendar.getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Stockholm");
        assertThat(feed).contains("EXDATE;TZID=Europe/Stockholm:" + compact(lastFriday(year, 2), "110000"));

        // The calendar's own expansion: 11:00 in Stockholm on every date but February's, across summer time.
        Period<ZonedDateTime> firstHalf = new Period<>(LocalDate.of(year, 1, 1).atStartOfDay(STOCKHOLM),
                LocalDate.of(year, 7, 1).atStartOfDay(STOCKHOLM));
        List<Instant> expanded = master.<ZonedDateTime>calculateRecurrenceSet(firstHalf).stream()
                .map(p -> Instant.from(p.getStart())).sorted().toList();
        assertThat(expanded).containsExactly(
                january.atTime(11, 0).atZone(STOCKHOLM).toInstant(),
                march.atTime(11, 0).atZone(STOCKHOLM).toInstant(),
                lastFriday(year, 4).atTime(11, 0).atZone(STOCKHOLM).toInstant(),
                lastFriday(year, 5).atTime(11, 0).atZone(STOCKHOLM).toInstant(),
                lastFriday(year, 6).atTime(11, 0).atZone(STOCKHOLM).toInstant());
        assertThat(expanded.get(1).toString()).endsWith("T10:00:00Z");
        assertThat(expanded.get(2).toString()).endsWith("T09:00:00Z");
        // ... where March's entry is replaced by the moved meeting.
        VEvent moved = vevents.stream().filter(v -> v.getProperty("RECURRENCE-ID").isPresent()).findFirst()
                .orElseThrow();
        assertThat(moved.getProperty("RECURRENCE-ID").orElseThrow().getValue()).isEqualTo(compact(march, "110000"));
        assertThat(Instant.from(moved.getStartDate().orElseThrow().getDate())).isEqualTo(marchStart);

        // Revoking a second link leaves the first working; an unknown link id is 404.
        String secondFeed = given().header("Authorization", owner())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/meeting-series/{s}/calendar-feeds", seriesId).then().statusCode(201).extract()
                .path("feedId");
        given().header("Authorization", owner())
                .delete("/api/meeting-series/{s}/calendar-feeds/{f}", seriesId, secondFeed).then().statusCode(204);
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        given().header("Authorization", owner()).delete("/api/meeting-series/{s}/calendar-feeds/{f}", seriesId,
                UUID.randomUUID()).then().statusCode(404);
        // May's meeting is called off: the next poll gets the feed again, with May among the EXDATEs.
        given().header("Authorization", owner()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/meeting-series/{s}/occurrences/{d}/cancel", seriesId, lastFriday(year, 5).toString())
                .then().statusCode(200);
        given().header("If-None-Match", tag).get(url).then().statusCode(200).header("ETag", not(equalTo(tag)))
                .body(containsString(compact(lastFriday(year, 5), "110000")));

        // Another organisation neither reads nor lists it.
        String other = Tokens.bearer("organizer", "olaf@other.example", "other-org");
        given().header("Authorization", other).get("/api/meeting-series/{s}", seriesId).then().statusCode(404);
        given().header("Authorization", other).get("/api/meeting-series").then().statusCode(200)
                .body("series.id", not(hasItem(seriesId.toString())));
        given().header("Authorization", owner()).queryParam("limit", 500).get("/api/meeting-series").then()
                .statusCode(200).body("series.id", hasItem(seriesId.toString()));
        // Only the owner changes it.
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", "Mine now")).patch("/api/meeting-series/{s}", seriesId).then().statusCode(403);
    }

    @Test
    void aRevokedLinkAnswers404() {
        int year = LocalDate.now(STOCKHOLM).getYear() + 1;
        UUID seriesId = UUID.fromString(given().header("Authorization", owner()).contentType(ContentType.JSON)
                .body(Map.of("title", "Weekly sync", "firstDate", LocalDate.of(year, 2, 2)
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).toString(), "startTime", "09:30",
                        "durationMinutes", 30, "timeZone", "Europe/Stockholm",
                        "recurrence", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4", "capacity", 8))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id"));
        JsonPath link = given().header("Authorization", owner()).post("/api/meeting-series/{s}/calendar-feeds", seriesId)
                .then().statusCode(201).extract().jsonPath();
        given().get(link.getString("url")).then().statusCode(200).body(containsString("RRULE:FREQ=WEEKLY"));
        given().header("Authorization", owner())
                .delete("/api/meeting-series/{s}/calendar-feeds/{f}", seriesId, link.getString("feedId"))
                .then().statusCode(204);
        given().get(link.getString("url")).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().get("/api/calendar-feeds/{t}/series.ics", "not-a-link").then().statusCode(404);
    }

    @Test
    void aRuleThatIsNotOneMeetingADayOrMissesTheFirstDateIsRefusedNamingTheField() {
        Map<String, Object> hourly = Map.of("title", "Stand-up", "firstDate", "2031-03-03", "startTime", "09:00",
                "durationMinutes", 15, "timeZone", "Europe/Stockholm", "recurrence", "FREQ=HOURLY", "capacity", 5);
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(hourly)
                .post("/api/meeting-series").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("recurrence"));
        Map<String, Object> notADate = new java.util.HashMap<>(hourly);
        notADate.put("recurrence", "FREQ=WEEKLY;BYDAY=FR");
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(notADate)
                .post("/api/meeting-series").then().statusCode(400)
                .body("errors[0].field", equalTo("firstDate")).body("errors[0].message", containsString("2031-03-07"));
        for (String outOfTime : List.of("1999-12-31", "2200-01-01")) {
            Map<String, Object> far = new java.util.HashMap<>(hourly);
            far.put("recurrence", "FREQ=DAILY");
            far.put("firstDate", outOfTime);
            given().header("Authorization", owner()).contentType(ContentType.JSON).body(far)
                    .post("/api/meeting-series").then().statusCode(400)
                    .body("errors[0].field", equalTo("firstDate"))
                    .body("errors[0].message", equalTo("must be from 2000-01-01 to 2199-12-31"));
        }
        Map<String, Object> nonsense = new java.util.HashMap<>(hourly);
        nonsense.put("recurrence", "EVERY=SOMETIMES");
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(nonsense)
                .post("/api/meeting-series").then().statusCode(400).body("errors[0].field", equalTo("recurrence"));
        Map<String, Object> unknownField = new java.util.HashMap<>(hourly);
        unknownField.put("recurrence", "FREQ=DAILY");
        unknownField.put("colour", "blue");
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(unknownField)
                .post("/api/meeting-series").then().statusCode(400);
    }

    private static LocalDate lastFriday(int year, int month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
    }

    private static String compact(LocalDate date, String time) {
        return date.toString().replace("-", "") + "T" + time;
    }
}
