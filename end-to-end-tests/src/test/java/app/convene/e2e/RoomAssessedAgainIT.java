package app.convene.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;
import io.restassured.specification.RequestSpecification;

/**
 * A room is assessed again after the event was booked in it, through the four packaged services: a larger allowance
 * seats those waiting at once; a smaller one puts the event's safety at risk in venue and in the briefings, and
 * newcomers wait.
 */
@ExtendWith(Stack.class)
class RoomAssessedAgainIT {
    private static final String ORG = "loft-" + Long.toString(System.nanoTime(), 36);
    private static final String ORGANIZER = "olle.organizer@loft.example";
    private static final String FACILITY = "fia.facility@loft.example";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SAFETY = "checks.find { it.name == 'headcount within safe occupancy' }";

    @Test
    void aNewSafeOccupancyReachesTheSeatsTheReadinessAndTheBriefings() {
        Instant startsAt = Instant.now().plus(25, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant endsAt = startsAt.plus(3, ChronoUnit.HOURS);
        String eventId = as(Service.REGISTRATION, "organizer", ORGANIZER).body(Map.of("title", "Loft evening " + ORG,
                        "startsAt", startsAt.toString(), "endsAt", endsAt.toString(), "timeZone", "Europe/Amsterdam",
                        "capacity", 10))
                .post("/api/events").then().statusCode(201).extract().path("id");
        String venueId = as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Warehouse " + ORG,
                        "address", Map.of("street", "Kade 1", "postalCode", "1011 AA", "city", "Amsterdam",
                                "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String roomId = as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Loft", "seatedCapacity", 30,
                        "standingCapacity", 40, "safeOccupancy", 3, "accessibilityFeatures", List.of(),
                        "equipment", List.of()))
                .post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).until(() -> as(Service.VENUE, "organizer", ORGANIZER)
                .body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", startsAt.toString(),
                        "endsAt", endsAt.toString(), "setupMinutes", 0, "teardownMinutes", 0))
                .post("/api/bookings").then().extract().statusCode(), status -> status == 201);
        await().atMost(PATIENCE).untilAsserted(() -> event(eventId).body("effectiveCapacity", equalTo(3)));
        for (int i = 1; i <= 4; i++) {
            String email = "guest" + i + "@loft.example";
            as(Service.REGISTRATION, "attendee", email).body(Map.of("attendee", Map.of("email", email,
                    "name", "Guest " + i))).post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                    .body("status", equalTo(i <= 3 ? "CONFIRMED" : "WAITLISTED"));
        }

        // The fire officer allows five after the renovation: the guest waiting gets a seat.
        as(Service.VENUE, "facility", FACILITY).body(Map.of("safeOccupancy", 5)).patch("/api/rooms/{r}", roomId)
                .then().statusCode(200).body("safeOccupancy", equalTo(5));
        await().atMost(PATIENCE).untilAsserted(() -> event(eventId).body("effectiveCapacity", equalTo(5))
                .body("confirmed", equalTo(4)).body("waitlisted", equalTo(0)));
        await().atMost(PATIENCE).untilAsserted(() -> as(Service.VENUE, "organizer", ORGANIZER)
                .get("/api/events/{e}/readiness", eventId).then().statusCode(200)
                .body(SAFETY + ".status", equalTo("MET")).body("expectedHeadcount", equalTo(4)));

        // A later assessment allows two: the four keep their seats, but the event is at risk, and says so everywhere.
        as(Service.VENUE, "facility", FACILITY).body(Map.of("safeOccupancy", 2, "name", "Loft (north)"))
                .patch("/api/rooms/{r}", roomId).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> event(eventId).body("effectiveCapacity", equalTo(2))
                .body("confirmed", equalTo(4)));
        as(Service.VENUE, "organizer", ORGANIZER).get("/api/events/{e}/readiness", eventId).then()
                .body(SAFETY + ".status", equalTo("NOT_MET"))
                .body(SAFETY + ".reason", containsString("4 expected, room 'Loft (north)' safely holds 2"));
        await().atMost(PATIENCE).untilAsserted(() -> as(Service.NOTIFICATION, "organizer", ORGANIZER)
                .get("/api/events/{e}/briefings", eventId).then().statusCode(200)
                .body("safetyAtRisk", equalTo(true)));
        String briefingId = as(Service.NOTIFICATION, "organizer", ORGANIZER).body(Map.of("kind", "PRE_EVENT"))
                .post("/api/events/{e}/briefings", eventId).then().statusCode(201).extract().path("id");
        as(Service.NOTIFICATION, "organizer", ORGANIZER).get("/api/events/{e}/briefings/{b}", eventId, briefingId)
                .then().statusCode(200).body("facts.venue.roomName", equalTo("Loft (north)"))
                .body("facts.venue.safeOccupancy", equalTo(2));
        as(Service.REGISTRATION, "attendee", "guest5@loft.example").body(Map.of("attendee",
                        Map.of("email", "guest5@loft.example", "name", "Guest 5")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                .body("status", equalTo("WAITLISTED"));
    }

    private static io.restassured.response.ValidatableResponse event(String eventId) {
        return as(Service.REGISTRATION, "organizer", ORGANIZER).get("/api/events/{e}", eventId).then()
                .statusCode(200);
    }

    private static RequestSpecification as(Service service, String role, String subject) {
        return Api.as(service, role, subject, ORG);
    }
}
