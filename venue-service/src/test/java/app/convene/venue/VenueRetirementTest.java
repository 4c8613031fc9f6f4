package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.room;
import static app.convene.venue.Api.venueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The lease on the old conference centre ends: the facility coordinator moves its last booking to the new venue and
 * retires the old one with its rooms. It no longer shows, changes or takes bookings; what referred to it keeps it, and
 * a new venue may take its name.
 */
@QuarkusTest
class VenueRetirementTest {
    private static Map<String, Object> address(String city) {
        return Map.of("street", "Dokweg 7", "postalCode", "1234 AB", "city", city, "country", "NL");
    }

    @Test
    void aVenueWithBookingsAheadIsRetiredWithItsRoomsOnceTheyAreMovedAndIsKeptAsItWas() {
        String name = "Old centre " + UUID.randomUUID();
        UUID oldVenue = UUID.fromString(as("facility").body(Map.of("name", name, "address", address("Utrecht")))
                .post("/api/venues").then().statusCode(201).extract().path("id"));
        UUID auditorium = room(oldVenue, "Auditorium");
        UUID foyer = room(oldVenue, "Foyer");
        UUID newRoom = Api.venueWithRoom("Main hall", 100, 100, 90);
        Instant start = Api.daysFromNow(45);
        Instant end = start.plus(Duration.ofHours(5));
        UUID eventId = Api.event(start, end);
        String bookingId = Api.book(auditorium, eventId, start, end, 60, 0).statusCode(201).extract().path("id");

        String refusal = as("facility").delete("/api/venues/{v}", oldVenue).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/venue-has-bookings"))
                .body("detail", containsString("1 confirmed booking(s) ahead, the first from "
                        + start.minus(Duration.ofHours(1))))
                .body("detail", containsString("'Auditorium'")).body("detail", not(containsString("Foyer")))
                .extract().path("detail");
        // The list the refusal points to answers, with the booking in the way.
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("GET (/api/rooms/\\S+/bookings\\?from=[^\\s)]+)")
                .matcher(refusal);
        assertThat(list.find()).as(refusal).isTrue();
        as("facility").get(list.group(1)).then().statusCode(200).body("bookings.id", hasItem(bookingId));
        as("organizer").delete("/api/venues/{v}", oldVenue).then().statusCode(403);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).delete("/api/venues/{v}", oldVenue).then().statusCode(404);

        as("organizer").body(Map.of("roomId", newRoom)).patch("/api/bookings/{b}", bookingId).then().statusCode(200);
        String retiredAt = as("facility").delete("/api/venues/{v}", oldVenue).then().statusCode(200)
                .body("retiredAt", notNullValue()).body("name", equalTo(name)).body("rooms", empty())
                .extract().path("retiredAt");
        as("facility").delete("/api/venues/{v}", oldVenue).then().statusCode(200).body("retiredAt", equalTo(retiredAt));

        // Gone from the organisation's venues; still answered by id, its rooms retired with it.
        as("facility").queryParam("q", name).get("/api/venues").then().statusCode(200).body("venues", empty());
        as("organizer").get("/api/venues/{v}", oldVenue).then().statusCode(200).body("retiredAt", equalTo(retiredAt));
        as("organizer").get("/api/rooms/{r}", foyer).then().statusCode(200).body("retiredAt", equalTo(retiredAt));
        // Kept as it was: no booking of its rooms, no new room, change, partner contact or closure.
        UUID another = Api.event(start.plus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        Api.book(foyer, another, start.plus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)), 0, 0).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-retired"));
        as("organizer").body(Map.of("roomId", auditorium)).patch("/api/bookings/{b}", bookingId).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/room-retired"));
        as("facility").body(Map.of("name", "Annex", "seatedCapacity", 10, "standingCapacity", 10, "safeOccupancy", 10))
                .post("/api/venues/{v}/rooms", oldVenue).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/venue-retired"));
        as("facility").body(Map.of("name", name + " (closed)")).patch("/api/venues/{v}", oldVenue).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/venue-retired"));
        as("facility").body(Map.of("name", "Cas Caterer", "role", "catering", "email", "cas@example.com"))
                .post("/api/venues/{v}/partner-contacts", oldVenue).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/venue-retired"));
        as("facility").body(Map.of("from", start.toString(), "until", end.toString(), "reason", "works"))
                .post("/api/venues/{v}/closures", oldVenue).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/venue-retired"));
        // Its name in its city is free for a new venue, which is listed.
        String newVenue = as("facility").body(Map.of("name", name, "address", address("Utrecht")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        as("facility").queryParam("q", name).get("/api/venues").then().statusCode(200)
                .body("venues.id", equalTo(List.of(newVenue)));
    }

    @Test
    void aVenueRetiredWhileOneOfItsRoomsIsBookedEndsWithOneOfTheTwoNeverBoth() throws Exception {
        for (int round = 0; round < 8; round++) {
            UUID room = Api.venueWithRoom("Contested hall", 40, 40, 40);
            UUID venue = venueOf(room);
            Instant start = Api.daysFromNow(90 + round);
            UUID eventId = Api.event(start, start.plus(Duration.ofHours(2)));
            List<Integer> outcome = Api.bookingRacing(room, eventId, start,
                    () -> as("facility").delete("/api/venues/{v}", venue).then().extract().statusCode());
            assertThat(outcome).as("round " + round + ": booking, retirement").isIn(List.of(201, 409),
                    List.of(409, 200));
            boolean isRetired = as("facility").get("/api/venues/{v}", venue).then().extract()
                    .path("retiredAt") != null;
            int confirmed = as("facility").get("/api/rooms/{r}/bookings", room).then().extract()
                    .path("bookings.findAll { it.status == 'CONFIRMED' }.size()");
            assertThat(isRetired ? 0 : 1).as("round " + round).isEqualTo(confirmed);
        }
    }
}
