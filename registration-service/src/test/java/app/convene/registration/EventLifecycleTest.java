package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.problem.Rfc3339;
import app.convene.backbone.testing.Tokens;
import app.convene.registration.service.TimeZones;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventLifecycleTest {

    private static UUID create(Map<String, Object> body) {
        return UUID.fromString(Api.postEvent(body).statusCode(201).extract().path("id"));
    }

    private static void change(UUID eventId, Map<String, Object> changes, int status) {
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(changes)
                .patch("/api/events/{e}", eventId).then().statusCode(status);
    }

    /**
     * The organizer closed registration an hour ago, then takes the close time away (and the description, deadline
     * and department with it): sent as null, they are cleared, and registration is open until the start. The terms
     * every event has keep their value when sent as null.
     */
    @Test
    void termsSentAsNullAreClearedWhereAnEventMayBeWithoutThem() {
        Instant closed = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID eventId = create(eventBody("Reopened", 10, Duration.ofDays(20), Map.of("description", "Bring a laptop",
                "registrationOpensAt", closed.minus(Duration.ofDays(1)).toString(),
                "registrationClosesAt", closed.toString(), "cancellationDeadline", closed.toString(),
                "department", "Sales")));
        Api.register(eventId, "kim@example.com", "Kim").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-closed"));

        Map<String, Object> cleared = new java.util.HashMap<>();
        for (String term : new String[] { "description", "registrationOpensAt", "registrationClosesAt",
                "cancellationDeadline", "department", "title", "capacity", "timeZone", "venueId" }) {
            cleared.put(term, null);
        }
        // Without a close time or a deadline, the answer shows the start for both (as for an event never given one).
        String startsAt = asOrganizer("GET", "/api/events/{e}", eventId).extract().path("startsAt");
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(cleared)
                .patch("/api/events/{e}", eventId).then().statusCode(200)
                .body("description", equalTo(null)).body("registrationOpensAt", equalTo(null))
                .body("registrationClosesAt", equalTo(startsAt)).body("cancellationDeadline", equalTo(startsAt))
                .body("department", equalTo(null))
                .body("title", equalTo("Reopened")).body("capacity", equalTo(10))
                .body("timeZone", equalTo("Europe/Stockholm"));
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("registrationClosesAt", equalTo(startsAt))
                .body("description", equalTo(null)).body("department", equalTo(null));
        Api.register(eventId, "kim@example.com", "Kim").statusCode(201).body("status", equalTo("CONFIRMED"));

        // Left out, a term keeps its value; the body is read as strictly as every other.
        change(eventId, Map.of("description", "Bring a badge"), 200);
        change(eventId, Map.of("capacity", 12), 200);
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("description", equalTo("Bring a badge"))
                .body("capacity", equalTo(12));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("colour", "red")).patch("/api/events/{e}", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", "")).patch("/api/events/{e}", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body("null")
                .patch("/api/events/{e}", eventId).then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body("[]")
                .patch("/api/events/{e}", eventId).then().statusCode(400);
    }

    @Test
    void aDraftTakesNoRegistrationsUntilItIsPublishedAndAttendeesDoNotSeeIt() {
        UUID eventId = create(eventBody("Draft retreat", 10, Duration.ofDays(20), Map.of("status", "DRAFT")));
        Api.organizerRegisters(eventId, "ines@example.com", "Ines").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-closed"));
        // To attendees a draft does not exist yet.
        Api.register(eventId, "ines@example.com", "Ines").statusCode(404);
        given().header("Authorization", Tokens.bearer("attendee", "ines@example.com"))
                .get("/api/events/{e}", eventId).then().statusCode(404);
        asOrganizer("POST", "/api/events/{e}/publish", eventId).statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.register(eventId, "ines@example.com", "Ines").statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void registrationIsTakenOnlyWithinItsWindowExceptByOrganizers() {
        Instant opens = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID eventId = create(eventBody("Window", 10, Duration.ofDays(20),
                Map.of("registrationOpensAt", opens.toString())));
        Api.register(eventId, "jon@example.com", "Jon").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-not-open"))
                .body("detail", org.hamcrest.Matchers.containsString(opens.toString()));
        Api.organizerRegisters(eventId, "jon@example.com", "Jon").statusCode(201);

        Instant closed = Instant.now().minus(Duration.ofHours(1));
        UUID closedEvent = create(eventBody("Closed", 10, Duration.ofDays(20),
                Map.of("registrationOpensAt", closed.minus(Duration.ofDays(1)).toString(),
                        "registrationClosesAt", closed.toString())));
        Api.register(closedEvent, "kim@example.com", "Kim").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-closed"));
    }

    @Test
    void loweringCapacityUnconfirmsNobodyAndRaisingItPromotesInArrivalOrder() {
        UUID eventId = Api.scheduleEvent("Capacity changes", 2);
        Api.register(eventId, "a1@example.com", "A1").body("status", equalTo("CONFIRMED"));
        Api.register(eventId, "a2@example.com", "A2").body("status", equalTo("CONFIRMED"));

        change(eventId, Map.of("capacity", 1), 200);
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(2)).body("seatsLeft", equalTo(0));
        String w1 = Api.register(eventId, "w1@example.com", "W1").body("waitlistPosition", equalTo(1))
                .extract().path("id");
        String w2 = Api.register(eventId, "w2@example.com", "W2").body("waitlistPosition", equalTo(2))
                .extract().path("id");
        String w3 = Api.register(eventId, "w3@example.com", "W3").body("waitlistPosition", equalTo(3))
                .extract().path("id");

        change(eventId, Map.of("capacity", 4), 200);
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, w1).body("status", equalTo("CONFIRMED"));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, w2).body("status", equalTo("CONFIRMED"));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, w3).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(4)).body("waitlisted", equalTo(1));
    }

    @Test
    void changesAreValidatedAgainstTheWholeEvent() {
        UUID eventId = Api.scheduleEvent("Validated", 5);
        Instant longBefore = Instant.now().minus(Duration.ofDays(400));
        change(eventId, Map.of("endsAt", longBefore.toString()), 400);
        change(eventId, Map.of("capacity", -3), 400);
        change(eventId, Map.of("colour", "blue"), 400);
        asOrganizer("GET", "/api/events/{e}", eventId).body("capacity", equalTo(5));
    }

    /**
     * An event lies between 2000 and 2200 and lasts at most 366 days: one that ended in the year 99999 once stalled
     * every attendee's invitation behind it (its time zone's rule walked year by year), and its hotel nights would
     * have counted in the millions.
     */
    @Test
    void anEventLiesWithinTwoCenturiesAndLastsAtMostAYear() {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        refused(Map.of("startsAt", "1999-12-31T22:00:00Z", "endsAt", "2000-01-01T06:00:00Z"), "startsAt",
                "must not be before 2000-01-01T00:00:00Z");
        refused(Map.of("startsAt", "2199-12-31T20:00:00Z", "endsAt", "2200-01-01T04:00:00Z"), "endsAt",
                "must not be after 2200-01-01T00:00:00Z");
        refused(Map.of("startsAt", start.toString(), "endsAt", "+99999-01-01T00:00:00Z"), "endsAt",
                Rfc3339.RULE);
        for (String field : new String[] { "registrationOpensAt", "registrationClosesAt", "cancellationDeadline" }) {
            refused(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(8)).toString(), field,
                    "1999-12-31T23:59:59Z"), field, "must not be before 2000-01-01T00:00:00Z");
            refused(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(8)).toString(), field,
                    "-300000-01-01T00:00:00Z"), field, Rfc3339.RULE);
        }
        // Nor does a listing reach past four-digit years (a value PostgreSQL could not compare with).
        for (String path : new String[] { "/api/events", "/api/schedule", "/api/schedule/calendar.ics" }) {
            given().header("Authorization", Tokens.organizer()).queryParam("from", "+300000-01-01T00:00:00Z")
                    .queryParam("to", "+300001-01-01T00:00:00Z").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("from"))
                    .body("errors[0].message", equalTo("must be an instant such as 2027-03-10T08:00:00Z, with a "
                            + "four-digit year"));
        }
        refused(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofDays(367)).toString()),
                "endsAt", "must be at most 366 days after startsAt");

        Instant yearOn = start.plus(Duration.ofDays(366));
        UUID eventId = create(eventBody("A year of it", 10, Duration.ofDays(30),
                Map.of("startsAt", start.toString(), "endsAt", yearOn.toString())));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("endsAt", yearOn.plus(Duration.ofDays(1)).toString()))
                .patch("/api/events/{e}", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("endsAt", equalTo(yearOn.toString()));
    }

    /**
     * java.time reads a fixed offset, UTC's letter and a prefixed offset as zones, but an invitation or a feed must
     * define its zone with a VTIMEZONE, which only the regions of the time zone database have.
     */
    @Test
    void anEventsTimeZoneIsARegionACalendarCanLookUp() {
        for (String zone : new String[] { "+01:00", "Z", "GMT+3", "UTC+01:00", "Mars/Olympus_Mons" }) {
            refused(Map.of("timeZone", zone), "timeZone", TimeZones.RULE);
            given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Weekly", "firstDate", "2027-03-19", "startTime", "09:00",
                            "durationMinutes", 60, "timeZone", zone, "recurrence", "FREQ=WEEKLY;COUNT=2",
                            "capacity", 5))
                    .post("/api/meeting-series").then().statusCode(400)
                    .body("errors[0].field", equalTo("timeZone")).body("errors[0].message", equalTo(TimeZones.RULE));
        }
        for (String zone : new String[] { "UTC", "Etc/GMT-14", "America/Argentina/Buenos_Aires" }) {
            UUID eventId = create(eventBody("In " + zone, 10, Duration.ofDays(30), Map.of("timeZone", zone)));
            asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("timeZone", equalTo(zone));
        }
        UUID eventId = create(eventBody("Moved", 10, Duration.ofDays(30), Map.of()));
        change(eventId, Map.of("timeZone", "+02:00"), 400);
    }

    private static void refused(Map<String, Object> times, String field, String rule) {
        Api.postEvent(eventBody("Out of time", 10, Duration.ofDays(30), times)).statusCode(400)
                .contentType(org.hamcrest.Matchers.containsString("application/problem+json"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(rule));
    }

    @Test
    void aCancelledEventTakesNothingMoreAndSaysSoOnKafka() {
        UUID eventId = Api.scheduleEvent("Called off", 5);
        asOrganizer("POST", "/api/events/{e}/cancel", eventId).statusCode(200).body("status", equalTo("CANCELLED"));
        Api.register(eventId, "late@example.com", "Late").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/event-cancelled"));
        change(eventId, Map.of("capacity", 9), 409);
        asOrganizer("POST", "/api/events/{e}/cancel", eventId).statusCode(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId).stream().map(Api::type).toList())
                .contains("registration.event-cancelled.v1", "registration.event-updated.v1"));
    }
}
