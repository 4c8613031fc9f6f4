package app.convene.registration;

import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import app.convene.registration.service.TimeZones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Events and series scheduled before time zones had to be regions kept what was sent then: a fixed offset such as
 * {@code +05:30} or {@code GMT+3}. They go on being changed without naming a zone again, an event's new zone is held
 * to the rule, and the feeds define the stored offset with a VTIMEZONE of their own, so calendar applications place
 * them.
 */
@QuarkusTest
class StoredTimeZonesTest {
    private static final String OWNER = "stored.zones@example.com";

    @Inject
    EntityManager entityManager;

    private static String owner() {
        return Tokens.bearer("organizer", OWNER);
    }

    /** As the rows were written before the rule: the series or event, and a series' occurrences. */
    private void storeZone(UUID id, String zone) {
        QuarkusTransaction.requiringNew().run(() -> {
            int series = entityManager.createNativeQuery("update meeting_series set time_zone = ?1 where id = ?2")
                    .setParameter(1, zone).setParameter(2, id).executeUpdate();
            int events = entityManager
                    .createNativeQuery("update event set time_zone = ?1 where id = ?2 or series_id = ?2")
                    .setParameter(1, zone).setParameter(2, id).executeUpdate();
            assertThat(series + events).isPositive();
        });
    }

    @Test
    void anEventStoredWithAFixedOffsetChangesWithoutNamingAZoneAndItsScheduleEntryDefinesTheOffset()
            throws Exception {
        UUID eventId = UUID.fromString(Api.postEvent(eventBody("Offset review", 10,
                Duration.ofDays(1000 + ThreadLocalRandom.current().nextInt(2000)), Map.of()))
                .statusCode(201).extract().path("id"));
        storeZone(eventId, "GMT+3");

        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("capacity", 12, "title", "Offset review, moved"))
                .patch("/api/events/{e}", eventId).then().statusCode(200)
                .body("capacity", equalTo(12)).body("timeZone", equalTo("GMT+3"));
        // A zone sent with the change is held to the rule; nothing changes.
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "GMT+4", "capacity", 20))
                .patch("/api/events/{e}", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("timeZone")).body("errors[0].message", equalTo(TimeZones.RULE));
        Api.asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("capacity", equalTo(12))
                .body("timeZone", equalTo("GMT+3"));

        Instant startsAt = Instant.parse(Api.asOrganizer("GET", "/api/events/{e}", eventId).extract().path("startsAt"))
                .truncatedTo(ChronoUnit.SECONDS);
        String ics = given().header("Authorization", Tokens.organizer())
                .queryParam("from", startsAt.minus(Duration.ofHours(1)).toString())
                .queryParam("to", startsAt.plus(Duration.ofDays(1)).toString())
                .get("/api/schedule/calendar.ics").then().statusCode(200).extract().asString();
        Calendar feed = new CalendarBuilder().build(new StringReader(ics));
        VEvent entry = feed.<VEvent>getComponents("VEVENT").stream()
                .filter(v -> v.getProperty("UID").orElseThrow().getValue().equals(eventId + "@convene.app"))
                .findFirst().orElseThrow();
        assertThat(entry.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("GMT+03:00");
        VTimeZone zone = feed.<VTimeZone>getComponents("VTIMEZONE").stream()
                .filter(z -> z.getProperty("TZID").orElseThrow().getValue().equals("GMT+03:00")).findFirst().orElseThrow();
        assertThat(zone.toString()).contains("TZOFFSETFROM:+0300", "TZOFFSETTO:+0300");
        // The entry starts at the same instant as the event, read through the feed's own definition.
        assertThat(entry.<ZonedDateTime>getDateTimeStart().getDate().toInstant()).isEqualTo(startsAt);
    }

    @Test
    void aSeriesStoredWithAFixedOffsetKeepsItAndItsFeedDefinesTheOffset() throws Exception {
        LocalDate firstDate = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        UUID seriesId = UUID.fromString(given().header("Authorization", owner()).contentType(ContentType.JSON)
                .body(Map.of("title", "Stand-up", "firstDate", firstDate.toString(), "startTime", "09:30",
                        "durationMinutes", 15, "timeZone", "Asia/Kolkata", "recurrence", "FREQ=DAILY;COUNT=3",
                        "capacity", 8))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id"));
        storeZone(seriesId, "+05:30");

        given().header("Authorization", owner()).contentType(ContentType.JSON).body(Map.of("title", "Daily stand-up"))
                .patch("/api/meeting-series/{s}", seriesId).then().statusCode(200)
                .body("title", equalTo("Daily stand-up")).body("timeZone", equalTo("+05:30"));

        String url = given().header("Authorization", owner())
                .post("/api/meeting-series/{s}/calendar-feeds", seriesId).then().statusCode(201).extract().path("url");
        String ics = given().get(url).then().statusCode(200).extract().asString();
        Calendar feed = new CalendarBuilder().build(new StringReader(ics));
        VTimeZone zone = feed.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("+05:30");
        assertThat(zone.toString()).contains("TZOFFSETFROM:+0530", "TZOFFSETTO:+0530");
        VEvent master = feed.<VEvent>getComponents("VEVENT").stream().filter(v -> v.getProperty("RRULE").isPresent())
                .findFirst().orElseThrow();
        // The calendar's own expansion: 09:30 at +05:30 (04:00 UTC) on three days.
        Period<ZonedDateTime> window = new Period<>(firstDate.atStartOfDay(ZoneOffset.UTC),
                firstDate.plusDays(5).atStartOfDay(ZoneOffset.UTC));
        List<Instant> starts = master.<ZonedDateTime>calculateRecurrenceSet(window).stream()
                .map(p -> p.getStart().toInstant()).sorted().toList();
        assertThat(starts).containsExactly(firstDate.atTime(4, 0).toInstant(ZoneOffset.UTC),
                firstDate.plusDays(1).atTime(4, 0).toInstant(ZoneOffset.UTC),
                firstDate.plusDays(2).atTime(4, 0).toInstant(ZoneOffset.UTC));
    }
}
