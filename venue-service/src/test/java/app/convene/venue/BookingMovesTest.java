package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.venueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The event moved an hour, then outgrew its room: the coordinator moves its booking, the same booking, instead of
 * cancelling it and hoping the room is still free; checklists follow, the other services and the partners hear of it.
 */
@QuarkusTest
class BookingMovesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM_BOOKED = "checks.find { it.name == 'room booked' }.status";
    private static final String SIGNED_OFF = "checks.find { it.name == 'inspection signed off' }.status";

    private static UUID roomIn(UUID venueId, String name, int safeOccupancy) {
        return UUID.fromString(as("facility").body(Map.of("name", name, "seatedCapacity", 200, "standingCapacity",
                200, "safeOccupancy", safeOccupancy)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201)
                .extract().path("id"));
    }

    private static void subscribe(UUID venueId, String name) {
        as("facility").body(Map.of("name", name, "role", "catering", "email", name.toLowerCase().replace(' ', '.')
                + "-" + UUID.randomUUID() + "@partner.example", "noticesSubscribed", true))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse move(String role, Object bookingId, Object body) {
        return as(role).body(body).patch("/api/bookings/{b}", bookingId).then();
    }

    private static List<JsonNode> values(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records)
            throws Exception {
        List<JsonNode> values = new ArrayList<>();
        for (var record : records) {
            values.add(JSON.readTree(record.value()));
        }
        return values;
    }

    @Test
    void aBookingFollowsItsEventAndMovesToALargerRoomAtAnotherVenueEveryBrokenRuleNamed() throws Exception {
        UUID orangery = Api.venueWithRoom("Orangery", 60, 60, 50);
        UUID firstVenue = venueOf(orangery);
        UUID library = roomIn(firstVenue, "Library", 80);
        UUID ballroom = Api.venueWithRoom("Ballroom", 300, 300, 250);
        UUID secondVenue = venueOf(ballroom);
        subscribe(firstVenue, "Mia Caterer");
        subscribe(secondVenue, "Leo Florist");

        Instant start = Api.daysFromNow(50);
        Instant end = start.plus(Duration.ofHours(6));
        UUID eventId = Api.event(start, end);
        String bookingId = as("organizer").body(Map.of("roomId", orangery, "eventId", eventId, "startsAt",
                start.toString(), "endsAt", end.toString(), "setupMinutes", 60, "teardownMinutes", 30, "price",
                Map.of("amount", 1000, "currency", "EUR"))).post("/api/bookings").then().statusCode(201).extract()
                .path("id");
        String templateId = as("facility").body(Map.of("name", "Walk-through " + UUID.randomUUID(), "category",
                "FIRE_SAFETY", "items", List.of(Map.of("description", "Exits clear", "mandatory", true,
                        "dueHoursBeforeStart", 24)))).post("/api/checklist-templates").then().statusCode(201)
                .extract().path("id");
        JsonPath checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().jsonPath();
        String checklistId = checklist.getString("id");
        String itemId = checklist.getString("items[0].id");
        Instant due = Instant.parse(checklist.getString("items[0].dueAt"));
        as("facility").body(Map.of("results", List.of(Map.of("itemId", itemId, "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201);
        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(200);

        // Registration moves the event an hour later: the booking no longer covers it.
        Instant later = start.plus(Duration.ofHours(1));
        Instant laterEnd = end.plus(Duration.ofHours(1));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId,
                Api.updated(eventId, "Event " + eventId, later, laterEnd, 500, "PUBLISHED")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId)
                .body(ROOM_BOOKED, equalTo("NOT_MET")));

        // The rules of a new booking, each named; nothing changes.
        move("organizer", bookingId, Map.of("startsAt", later.toString())).statusCode(422)
                .body("type", equalTo("https://convene.app/problems/booking-does-not-cover-event"));
        move("organizer", bookingId, Map.of("startsAt", laterEnd.toString(), "endsAt", later.toString()))
                .statusCode(400).body("errors[0].field", equalTo("endsAt"));
        move("organizer", bookingId, Map.of("endsAt", start.plus(Duration.ofDays(40)).toString())).statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        move("organizer", bookingId, Map.of("setupMinutes", -5)).statusCode(400)
                .body("errors[0].field", equalTo("setupMinutes"));
        move("organizer", bookingId, Map.of("floor", 2)).statusCode(400).body("errors[0].field", equalTo("floor"));
        move("organizer", bookingId, Map.of("roomId", UUID.randomUUID())).statusCode(404)
                .contentType("application/problem+json");
        move("attendee", bookingId, Map.of("startsAt", later.toString())).statusCode(403);
        move("organizer", UUID.randomUUID(), Map.of("startsAt", later.toString())).statusCode(404);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("startsAt", later.toString()))
                .patch("/api/bookings/{b}", bookingId).then().statusCode(404);
        // The library is taken then by another event.
        UUID otherEvent = Api.event(later, laterEnd);
        String inTheWay = Api.book(library, otherEvent, later, laterEnd, 0, 0).statusCode(201).extract().path("id");
        move("organizer", bookingId, Map.of("roomId", library, "startsAt", later.toString(), "endsAt",
                laterEnd.toString())).statusCode(409).body("type", equalTo("https://convene.app/problems/room-taken"))
                .body("detail", containsString(inTheWay));
        as("organizer").get("/api/bookings/{b}", bookingId).then().body("startsAt", equalTo(start.toString()))
                .body("roomId", equalTo(orangery.toString()));

        // Moved with the event: the setup and teardown minutes stay, the checklist falls due an hour later, signed off.
        move("organizer", bookingId, Map.of("startsAt", later.toString(), "endsAt", laterEnd.toString()))
                .statusCode(200).body("id", equalTo(bookingId)).body("startsAt", equalTo(later.toString()))
                .body("setupStartsAt", equalTo(later.minus(Duration.ofHours(1)).toString()))
                .body("teardownEndsAt", equalTo(laterEnd.plus(Duration.ofMinutes(30)).toString()))
                .body("status", equalTo("CONFIRMED"));
        as("facility").get("/api/checklists/{c}", checklistId).then().statusCode(200)
                .body("items[0].dueAt", equalTo(due.plus(Duration.ofHours(1)).toString()))
                .body("items[0].outcome", equalTo("PASSED")).body("signedOffAt", org.hamcrest.Matchers.notNullValue());
        Api.readiness(eventId).body(ROOM_BOOKED, equalTo("MET")).body(SIGNED_OFF, equalTo("MET"));
        // The old slot is free again for someone else; the same change again changes nothing.
        move("organizer", bookingId, Map.of("startsAt", later.toString())).statusCode(200);

        // Outgrown: the ballroom of another venue, at a new price. Its checklist is to be inspected again there.
        move("facility", bookingId, Map.of("roomId", ballroom, "price", Map.of("amount", 2500.5, "currency",
                "EUR"))).statusCode(200).body("roomId", equalTo(ballroom.toString()))
                .body("price.amount", equalTo(2500.5f)).body("startsAt", equalTo(later.toString()));
        as("facility").get("/api/checklists/{c}", checklistId).then().statusCode(200)
                .body("items[0].outcome", nullValue()).body("signedOffAt", nullValue());
        Api.readiness(eventId).body(ROOM_BOOKED, equalTo("MET")).body(SIGNED_OFF, equalTo("NOT_MET"));

        // Every other service hears the booking confirmed again with its new terms, in order, the same booking.
        List<JsonNode> confirmed = values(await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.BOOKING_CONFIRMED.name()), r -> r.size() == 3));
        assertThat(confirmed).extracting(c -> c.get("bookingId").asText()).containsOnly(bookingId);
        assertThat(confirmed).extracting(c -> c.get("roomId").asText())
                .containsExactly(orangery.toString(), orangery.toString(), ballroom.toString());
        assertThat(confirmed.get(1).get("startsAt").asText()).isEqualTo(later.toString());
        assertThat(confirmed.get(2).get("safeOccupancy").asInt()).isEqualTo(250);
        assertThat(confirmed.get(2).get("price").get("amount").decimalValue()).isEqualByComparingTo("2500.5");
        assertThat(Api.announced(eventId, VenueEvents.BOOKING_CANCELLED.name())).isEmpty();

        // The first venue's partner heard of the booking, its move, and its leaving; the second's of a booking.
        List<JsonNode> first = values(await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(firstVenue, VenueEvents.VENUE_NOTICE.name()), r -> r.size() >= 3));
        assertThat(first).filteredOn(n -> bookingId.equals(n.get("bookingId").asText()))
                .extracting(n -> n.get("kind").asText())
                .containsExactly("BOOKING_CONFIRMED", "BOOKING_MOVED", "BOOKING_CANCELLED");
        assertThat(first).filteredOn(n -> "BOOKING_CANCELLED".equals(n.get("kind").asText())).singleElement()
                .satisfies(n -> assertThat(n.get("reason").asText()).isEqualTo("moved to another venue"));
        List<JsonNode> second = values(await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(secondVenue, VenueEvents.VENUE_NOTICE.name()), r -> r.size() == 1));
        assertThat(second.get(0).get("kind").asText()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(second.get(0).get("roomName").asText()).isEqualTo("Ballroom");

        // A cancelled booking no longer moves.
        as("organizer").body(Map.of("reason", "Postponed")).post("/api/bookings/{b}/cancellation", bookingId).then()
                .statusCode(200);
        move("organizer", bookingId, Map.of("roomId", orangery)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/booking-cancelled"));
    }

    @Test
    void twoBookingsMovedIntoTheSameFreeSlotAtOnceOnlyOneGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID hall = Api.venueWithRoom("Contested hall", 100, 100, 100);
            Instant start = Api.daysFromNow(70 + round);
            Instant end = start.plus(Duration.ofHours(3));
            List<String> bookings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UUID room = Api.venueWithRoom("Side room " + i, 50, 50, 50);
                UUID eventId = Api.event(start, end);
                bookings.add(Api.book(room, eventId, start, end, 0, 0).statusCode(201).extract().path("id"));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(bookings.size());
            List<Future<Integer>> answers = new ArrayList<>();
            for (String bookingId : bookings) {
                answers.add(pool.submit(() -> {
                    go.await();
                    Map<String, Object> body = new HashMap<>();
                    body.put("roomId", hall);
                    return move("organizer", bookingId, body).extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            assertThat(statuses).as("round " + round).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
            List<String> inHall = as("facility").get("/api/rooms/{r}/bookings", hall).then().statusCode(200)
                    .extract().path("bookings.findAll { it.status == 'CONFIRMED' }.id");
            assertThat(inHall).as("round " + round).hasSize(1);
        }
    }

    /** A move to another room and a new price, sent at once: the booking ends in the new room, never back in the old. */
    @Test
    void aMoveAndARepriceAtOnceNeverPutTheBookingBackInItsFirstRoom() throws Exception {
        for (int round = 0; round < 6; round++) {
            UUID first = Api.venueWithRoom("First room", 50, 50, 50);
            UUID second = roomIn(venueOf(first), "Second room", 50);
            Instant start = Api.daysFromNow(100 + round);
            UUID eventId = Api.event(start, start.plus(Duration.ofHours(2)));
            String bookingId = Api.book(first, eventId, start, start.plus(Duration.ofHours(2)), 0, 0).statusCode(201)
                    .extract().path("id");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Integer> moved = pool.submit(() -> {
                go.await();
                return move("organizer", bookingId, Map.of("roomId", second)).extract().statusCode();
            });
            Future<Integer> repriced = pool.submit(() -> {
                go.await();
                return move("facility", bookingId, Map.of("price", Map.of("amount", 700, "currency", "EUR")))
                        .extract().statusCode();
            });
            go.countDown();
            int movedStatus = moved.get();
            int repricedStatus = repriced.get();
            pool.shutdown();
            assertThat(movedStatus).as("round " + round).isEqualTo(200);
            assertThat(repricedStatus).as("round " + round).isIn(200, 409);
            var now = as("organizer").get("/api/bookings/{b}", bookingId).then().statusCode(200);
            now.body("roomId", equalTo(second.toString()));
            if (repricedStatus == 200) {
                now.body("price.amount", equalTo(700.0f));
            }
        }
    }
}
