package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BookingTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void theOrganizerBooksAHallWithSetupAndTeardownAndTheVenueAnnouncesItsSafeOccupancyAndPrice() throws Exception {
        UUID roomId = Api.venueWithRoom("Main hall", 150, 200, 180);
        Instant start = Api.daysFromNow(30);
        Instant end = start.plus(Duration.ofHours(8));
        UUID eventId = Api.event(start, end);

        String bookingId = as("organizer").body(Map.of("roomId", roomId, "eventId", eventId,
                "startsAt", start.toString(), "endsAt", end.toString(), "setupMinutes", 120, "teardownMinutes", 60,
                "price", Map.of("amount", 1200.5, "currency", "EUR")))
                .post("/api/bookings").then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("setupStartsAt", equalTo(start.minus(Duration.ofHours(2)).toString()))
                .body("teardownEndsAt", equalTo(end.plus(Duration.ofHours(1)).toString()))
                .body("bookedBy", equalTo(Api.ORGANIZER))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.BOOKING_CONFIRMED.name())).singleElement().satisfies(r -> {
                    JsonNode payload = JSON.readTree(r.value());
                    assertThat(payload.get("bookingId").asText()).isEqualTo(bookingId);
                    assertThat(payload.get("roomName").asText()).isEqualTo("Main hall");
                    assertThat(payload.get("safeOccupancy").asInt()).isEqualTo(180);
                    assertThat(payload.get("price").get("amount").decimalValue()).isEqualByComparingTo("1200.50");
                    // Money leaves as an exact decimal at the currency's scale, never as a binary floating-point number.
                    assertThat(payload.get("price").get("amount").decimalValue().toPlainString()).isEqualTo("1200.50");
                    assertThat(payload.get("price").get("currency").asText()).isEqualTo("EUR");
                }));
        Api.readiness(eventId).statusCode(200)
                .body("checks.find { it.name == 'room booked' }.status", equalTo("MET"));
        as("finance").get("/api/bookings/{b}", bookingId).then().statusCode(200)
                .body("price.amount", equalTo(1200.50f)).body("price.currency", equalTo("EUR"));
    }

    @Test
    void aSecondEventCannotTakeTheRoomDuringTheFirstOnesSetupAndIsToldWhichBookingIsInTheWay() {
        UUID roomId = Api.venueWithRoom("Studio", 40, 60, 50);
        Instant start = Api.daysFromNow(40);
        Instant end = start.plus(Duration.ofHours(4));
        String first = book(roomId, Api.event(start, end), start, end, 90, 30).statusCode(201).extract().path("id");

        // Ends an hour before the first event starts, but during its 90 minutes of setup.
        Instant earlyStart = start.minus(Duration.ofHours(5));
        Instant earlyEnd = start.minus(Duration.ofHours(1));
        UUID early = Api.event(earlyStart, earlyEnd);
        book(roomId, early, earlyStart, earlyEnd, 0, 0)
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/room-taken"))
                .body("detail", containsString("by booking " + first));

        // Right after the first one's teardown: the room is free again.
        Instant afterTeardown = end.plus(Duration.ofMinutes(30));
        book(roomId, Api.event(afterTeardown, afterTeardown.plus(Duration.ofHours(2))), afterTeardown,
                afterTeardown.plus(Duration.ofHours(2)), 0, 0).statusCode(201);

        // Once the first booking is cancelled, its slot can be booked.
        as("organizer").body(Map.of("reason", "moved online")).post("/api/bookings/{b}/cancellation", first)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("organizer").body(Map.of("reason", "again")).post("/api/bookings/{b}/cancellation", first)
                .then().statusCode(409).contentType("application/problem+json");
        book(roomId, early, earlyStart, earlyEnd, 0, 0).statusCode(201);
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .body("bookings.status", hasItem("CANCELLED"));
    }

    /** A calendar of a week asks only for the bookings that touch that week, setup and teardown included. */
    @Test
    void aRoomsBookingsAreListedForAWindowOfTime() {
        UUID roomId = Api.venueWithRoom("Boardroom", 12, 16, 14);
        Instant monday = Api.daysFromNow(60).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        List<String> booked = new java.util.ArrayList<>();
        for (int week = 0; week < 3; week++) {
            Instant start = monday.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(9));
            Instant end = start.plus(Duration.ofHours(2));
            booked.add(book(roomId, Api.event(start, end), start, end, 60, 0).statusCode(201).extract().path("id"));
        }
        Instant secondWeek = monday.plus(Duration.ofDays(7));
        as("facility").queryParam("from", secondWeek.toString())
                .queryParam("to", secondWeek.plus(Duration.ofDays(7)).toString())
                .get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .body("bookings.id", equalTo(List.of(booked.get(1))));
        // The window catches a booking by its setup: the second week's starts at 09:00 after an hour of setup.
        as("facility").queryParam("from", secondWeek.plus(Duration.ofHours(7)).toString())
                .queryParam("to", secondWeek.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(30)).toString())
                .get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .body("bookings.id", equalTo(List.of(booked.get(1))));
        as("facility").queryParam("from", secondWeek.toString()).get("/api/rooms/{r}/bookings", roomId).then()
                .statusCode(200).body("bookings.id", equalTo(booked.subList(1, 3)));
        as("facility").queryParam("to", secondWeek.toString()).get("/api/rooms/{r}/bookings", roomId).then()
                .statusCode(200).body("bookings.id", equalTo(booked.subList(0, 1)));
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200).body("bookings.id", equalTo(booked));

        as("facility").queryParam("from", "next monday").get("/api/rooms/{r}/bookings", roomId).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("instant"));
        as("facility").queryParam("from", secondWeek.toString()).queryParam("to", monday.toString())
                .get("/api/rooms/{r}/bookings", roomId).then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void anEventHoldsOneRoomAtATime() {
        Instant start = Api.daysFromNow(50);
        UUID eventId = Api.event(start, start.plusSeconds(3600));
        String first = book(Api.venueWithRoom("Room A", 10, 10, 10), eventId, start, start.plusSeconds(3600), 0, 0)
                .statusCode(201).extract().path("id");
        book(Api.venueWithRoom("Room B", 10, 10, 10), eventId, start, start.plusSeconds(3600), 0, 0)
                .statusCode(409).body("type", equalTo("https://convene.app/problems/event-already-booked"))
                .body("detail", containsString(first));
    }

    @Test
    void aBookingMustCoverTheScheduledEvent() {
        Instant start = Api.daysFromNow(60);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(6)));
        book(Api.venueWithRoom("Small room", 10, 10, 10), eventId, start, start.plus(Duration.ofHours(5)), 0, 0)
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/booking-does-not-cover-event"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        as("facility").body(Map.of("name", "X", "address", Map.of("street", "s", "city", "c", "country", "nl")))
                .post("/api/venues").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("address.country"));
        as("facility").body("").post("/api/venues").then().statusCode(400)
                .contentType("application/problem+json");
        as("organizer").body(Map.of("name", "X", "address", Map.of("street", "s", "city", "c", "country", "NL")))
                .post("/api/venues").then().statusCode(403).contentType("application/problem+json");

        UUID roomId = Api.venueWithRoom("Hall", 100, 100, 100);
        String venueId = as("facility").get("/api/rooms/{r}", roomId).then().extract().path("venueId");
        as("facility").body(Map.of("name", "Too full", "seatedCapacity", 50, "standingCapacity", 80,
                "safeOccupancy", 81)).post("/api/venues/{v}/rooms", venueId)
                .then().statusCode(400).body("errors[0].field", equalTo("safeOccupancy"));
        as("facility").body(Map.of("name", "Hall", "seatedCapacity", 50, "standingCapacity", 80,
                "safeOccupancy", 80)).post("/api/venues/{v}/rooms", venueId)
                .then().statusCode(409).contentType("application/problem+json");
        as("facility").body(Map.of("name", "Ann", "role", "catering", "email", "not-an-email"))
                .post("/api/venues/{v}/partner-contacts", venueId)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        io.restassured.response.Response contact = as("facility").body(Map.of("name", "Ann", "role", "catering",
                "email", "ann@caterer.example", "phone", "+31 20 123 4567"))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201).extract().response();
        // the new contact's Location reads it, as the 201 gave it, for whoever reads the venue
        assertThat(contact.header("Location")).endsWith("/api/venues/" + venueId + "/partner-contacts/"
                + contact.path("id"));
        assertThat(as("finance").get(contact.header("Location")).then().statusCode(200).extract().jsonPath()
                .getMap("")).isEqualTo(contact.jsonPath().getMap(""));
        // under another venue of the organisation it is not found
        String otherVenue = as("facility").get("/api/rooms/{r}", Api.venueWithRoom("Side hall", 10, 10, 10)).then()
                .extract().path("venueId");
        as("facility").get("/api/venues/{v}/partner-contacts/{c}", otherVenue, contact.path("id").toString()).then()
                .statusCode(404);
        as("organizer").get("/api/venues/{v}", venueId).then().statusCode(200)
                .body("partnerContacts[0].role", equalTo("catering"))
                .body("rooms[0].safeOccupancy", equalTo(100));

        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(70);
        Map<String, Object> booking = Map.of("roomId", roomId, "eventId", eventId, "startsAt", start.toString(),
                "endsAt", start.minusSeconds(60).toString());
        as("organizer").body(booking).post("/api/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        as("organizer").body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString(), "price", Map.of("amount", 10.005, "currency", "EUR")))
                .post("/api/bookings").then().statusCode(400).body("errors[0].field", equalTo("price.amount"));
        as("organizer").body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString(), "price", Map.of("amount", 10, "currency", "ABC")))
                .post("/api/bookings").then().statusCode(400).body("errors[0].field", equalTo("price.currency"));
        as("organizer").body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString(), "setupMinutes", 12.5))
                .post("/api/bookings").then().statusCode(400).body("errors[0].field", equalTo("setupMinutes"));
        as("organizer").body(Map.of("roomId", UUID.randomUUID(), "eventId", eventId, "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString())).post("/api/bookings").then().statusCode(404)
                .contentType("application/problem+json");
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200).body("bookings.size()", equalTo(0));
    }
}
