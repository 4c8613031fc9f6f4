package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A room is assessed again after a renovation: its new safe occupancy reaches the events booked in it at once (their
 * safety, and registration's cap on their seats), and every broken rule is named. A venue is renamed and its address
 * corrected.
 */
@QuarkusTest
class RoomChangesTest {
    private static final String SAFETY = "checks.find { it.name == 'headcount within safe occupancy' }";

    private static ValidatableResponse change(UUID roomId, Object body) {
        return Api.as("facility").body(body).patch("/api/rooms/{r}", roomId).then();
    }

    @Test
    void aNewFireSafetyAssessmentReachesEveryEventBookedInTheRoom() {
        UUID roomId = Api.venueWithRoom("Loft", 45, 60, 50);
        Instant start = Api.daysFromNow(30);
        UUID workshop = Api.event(start, start.plus(Duration.ofHours(3)));
        UUID offsite = Api.event(start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(2)).plus(Duration.ofHours(6)));
        Api.book(roomId, workshop, start, start.plus(Duration.ofHours(3)), 30, 30).statusCode(201);
        Api.book(roomId, offsite, start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(2)).plus(Duration.ofHours(6)),
                0, 0).statusCode(201);
        Api.headcount(workshop, 1, 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(workshop)
                .body("expectedHeadcount", equalTo(40)).body(SAFETY + ".status", equalTo("MET")));

        // After the renovation the fire officer allows 35: the workshop's 40 are now too many.
        change(roomId, Map.of("safeOccupancy", 35)).statusCode(200).body("safeOccupancy", equalTo(35))
                .body("name", equalTo("Loft")).body("seatedCapacity", equalTo(45))
                .body("equipment", equalTo(List.of("projector")));
        Api.readiness(workshop).statusCode(200).body("ready", equalTo(false)).body(SAFETY + ".status", equalTo("NOT_MET"))
                .body(SAFETY + ".reason", containsString("40 expected, room 'Loft' safely holds 35"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(workshop, VenueEvents.SAFETY_AT_RISK.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"safeOccupancy\": 35")));
        // Both events' bookings are told, under the event's key, so each follows its booking-confirmed.
        for (UUID eventId : List.of(workshop, offsite)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    Api.announced(eventId, VenueEvents.BOOKED_ROOM_CHANGED.name())).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"roomId\": \"" + roomId + "\"")
                            .contains("\"safeOccupancy\": 35").contains("\"roomName\": \"Loft\"")));
        }

        // More standing room and a larger allowance together; a change of equipment alone tells no booking.
        change(roomId, Map.of("standingCapacity", 80, "safeOccupancy", 75)).statusCode(200)
                .body("standingCapacity", equalTo(80)).body("safeOccupancy", equalTo(75));
        Api.readiness(workshop).body(SAFETY + ".status", equalTo("MET"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(workshop, VenueEvents.SAFETY_RESTORED.name())).hasSize(1));
        change(roomId, Map.of("equipment", List.of(), "accessibilityFeatures", List.of("hearing loop", "step-free access")))
                .statusCode(200).body("equipment", empty())
                .body("accessibilityFeatures", equalTo(List.of("hearing loop", "step-free access")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(offsite, VenueEvents.BOOKED_ROOM_CHANGED.name())).hasSize(2));
        assertThat(Api.announced(offsite, VenueEvents.BOOKED_ROOM_CHANGED.name())).hasSize(2);
    }

    @Test
    void bookingsMadeWhileTheRoomIsAssessedAgainAllEndUpAssessedAgainstItsLastSafeOccupancy() throws Exception {
        UUID roomId = Api.venueWithRoom("Studio", 100, 100, 90);
        Instant first = Api.daysFromNow(60);
        int events = 8;
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Instant start = first.plus(Duration.ofDays(i));
            eventIds.add(Api.event(start, start.plus(Duration.ofHours(4))));
        }
        List<Integer> assessments = List.of(80, 70, 60, 50);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(events + assessments.size());
        try {
            List<Future<Integer>> bookings = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                UUID eventId = eventIds.get(i);
                Instant start = first.plus(Duration.ofDays(i));
                bookings.add(pool.submit(() -> {
                    go.await();
                    return Api.book(roomId, eventId, start, start.plus(Duration.ofHours(4)), 0, 0).extract()
                            .statusCode();
                }));
            }
            List<Future<Integer>> changes = new ArrayList<>();
            for (int safe : assessments) {
                changes.add(pool.submit(() -> {
                    go.await();
                    return change(roomId, Map.of("safeOccupancy", safe)).extract().statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> booking : bookings) {
                assertThat(booking.get()).isEqualTo(201);
            }
            for (Future<Integer> change : changes) {
                assertThat(change.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // Whichever assessment came last, every booking (made before it, between them or after it) is assessed
        // against it: none keeps a safe occupancy the room no longer has.
        int last = Api.as("facility").get("/api/rooms/{r}", roomId).then().statusCode(200).extract()
                .path("safeOccupancy");
        assertThat(assessments).contains(last);
        for (UUID eventId : eventIds) {
            Api.readiness(eventId).statusCode(200).body(SAFETY + ".reason",
                    containsString("room 'Studio' safely holds " + last));
        }
    }

    @Test
    void aVenueIsRenamedAndItsAddressCorrectedAndItsBookingsHearTheNewName() {
        UUID roomId = Api.venueWithRoom("Loft", 45, 60, 50);
        String venueId = Api.as("facility").get("/api/rooms/{r}", roomId).then().extract().path("venueId");
        Instant start = Api.daysFromNow(45);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(3)));
        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(3)), 0, 0).statusCode(201);
        String name = "Harbour House Noord " + UUID.randomUUID();

        Api.as("facility").body(Map.of("name", name)).patch("/api/venues/{v}", venueId).then().statusCode(200)
                .body("name", equalTo(name)).body("address.postalCode", equalTo("1015 CJ"))
                .body("rooms.name", equalTo(List.of("Loft")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.BOOKED_ROOM_CHANGED.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"venueName\": \"" + name + "\"")
                        .contains("\"roomName\": \"Loft\"").contains("\"safeOccupancy\": 50")));
        // The postal code was wrong: the address given replaces the old one whole; the bookings hear nothing of it.
        Api.as("facility").body(Map.of("address", Map.of("street", "Keizersgracht 10", "postalCode", "1015 CN",
                "city", "Amsterdam", "country", "NL"))).patch("/api/venues/{v}", venueId).then().statusCode(200)
                .body("name", equalTo(name)).body("address.street", equalTo("Keizersgracht 10"))
                .body("address.postalCode", equalTo("1015 CN"));
        Api.as("facility").get("/api/venues/{v}", venueId).then().body("address.postalCode", equalTo("1015 CN"));

        // Another venue of the organisation by that name in that city is a conflict; in another city it is not.
        String other = Api.as("facility").get("/api/rooms/{r}", Api.venueWithRoom("Hall", 10, 10, 10)).then()
                .extract().path("venueId");
        Api.as("facility").body(Map.of("name", name)).patch("/api/venues/{v}", other).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/venue-exists"));
        Api.as("facility").body(Map.of("name", name, "address", Map.of("street", "Coolsingel 1", "city", "Rotterdam",
                "country", "NL"))).patch("/api/venues/{v}", other).then().statusCode(200);

        Api.as("facility").body(Map.of("address", Map.of("street", "Dam 1", "country", "NL")))
                .patch("/api/venues/{v}", venueId).then().statusCode(400)
                .body("errors[0].field", equalTo("address.city"));
        Api.as("facility").body(Map.of("address", Map.of("street", "Dam 1", "city", "Amsterdam", "country", "nl")))
                .patch("/api/venues/{v}", venueId).then().statusCode(400)
                .body("errors[0].field", equalTo("address.country"));
        Api.as("facility").body(Map.of("name", "")).patch("/api/venues/{v}", venueId).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Api.as("organizer").body(Map.of("name", "Taken")).patch("/api/venues/{v}", venueId).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("name", "Taken")).patch("/api/venues/{v}", venueId)
                .then().statusCode(404);
        Api.as("facility").get("/api/venues/{v}", venueId).then().body("name", equalTo(name))
                .body("address.street", equalTo("Keizersgracht 10"));
        assertThat(Api.announced(eventId, VenueEvents.BOOKED_ROOM_CHANGED.name())).hasSize(1);
    }

    @Test
    void aChangeThatBreaksARuleIsNamedAndChangesNothing() {
        UUID roomId = Api.venueWithRoom("Hall", 100, 150, 120);
        String venueId = Api.as("facility").get("/api/rooms/{r}", roomId).then().statusCode(200).extract()
                .path("venueId");
        Api.as("facility").body(Map.of("name", "Annex", "seatedCapacity", 10, "standingCapacity", 10,
                "safeOccupancy", 10)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201);

        change(roomId, Map.of("safeOccupancy", 151)).statusCode(400).body("errors[0].field", equalTo("safeOccupancy"));
        change(roomId, Map.of("standingCapacity", 50, "seatedCapacity", 60)).statusCode(400)
                .body("errors[0].field", equalTo("safeOccupancy"));
        change(roomId, Map.of("name", "Annex", "safeOccupancy", 90)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-exists"));
        change(roomId, Map.of("name", " ")).statusCode(400).body("errors[0].field", equalTo("name"));
        change(roomId, Map.of("safeOccupancy", 0)).statusCode(400).body("errors[0].field", equalTo("safeOccupancy"));
        change(roomId, Map.of("fireExits", 4)).statusCode(400).body("errors[0].field", equalTo("fireExits"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("name", null);
        nulls.put("safeOccupancy", null);
        change(roomId, nulls).statusCode(200).body("name", equalTo("Hall")).body("safeOccupancy", equalTo(120));
        Api.as("facility").get("/api/rooms/{r}", roomId).then().body("name", equalTo("Hall"))
                .body("standingCapacity", equalTo(150)).body("safeOccupancy", equalTo(120));

        // Facility staff of the organisation only: an organizer may not, another organisation sees no such room.
        Api.as("organizer").body(Map.of("safeOccupancy", 10)).patch("/api/rooms/{r}", roomId).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("safeOccupancy", 10)).patch("/api/rooms/{r}", roomId)
                .then().statusCode(404);
        change(UUID.randomUUID(), Map.of("safeOccupancy", 10)).statusCode(404);
    }
}
