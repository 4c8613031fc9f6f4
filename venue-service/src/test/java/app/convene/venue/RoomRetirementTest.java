package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.room;
import static app.convene.venue.Api.venueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * The annex is no longer rented: the facility coordinator moves its last booking to the hall and retires it. It no
 * longer shows with the venue or takes bookings; what referred to it keeps it.
 */
@QuarkusTest
class RoomRetirementTest {
    @Test
    void aRoomWithBookingsAheadIsRetiredOnceTheyAreMovedAndTakesNoBookingAfterwards() {
        UUID annex = Api.venueWithRoom("Annex", 40, 40, 40);
        UUID venueId = venueOf(annex);
        UUID hall = room(venueId, "Hall");
        Instant start = Api.daysFromNow(60);
        Instant end = start.plus(Duration.ofHours(4));
        UUID eventId = Api.event(start, end);
        String bookingId = Api.book(annex, eventId, start, end, 30, 0).statusCode(201).extract().path("id");

        String refusal = as("facility").delete("/api/rooms/{r}", annex).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/room-has-bookings"))
                .body("detail", containsString("1 confirmed booking(s) ahead, the first from "
                        + start.minus(Duration.ofMinutes(30)))).extract().path("detail");
        // The list the refusal points to answers, with the booking in the way.
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("GET (/api/rooms/\\S+/bookings\\?from=\\S+)")
                .matcher(refusal);
        assertThat(list.find()).as(refusal).isTrue();
        as("facility").get(list.group(1)).then().statusCode(200).body("bookings.id", hasItem(bookingId));
        as("organizer").delete("/api/rooms/{r}", annex).then().statusCode(403);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).delete("/api/rooms/{r}", annex).then().statusCode(404);
        as("facility").get("/api/venues/{v}", venueId).then().body("rooms.name", hasItem("Annex"));

        as("organizer").body(Map.of("roomId", hall)).patch("/api/bookings/{b}", bookingId).then().statusCode(200);
        String retiredAt = as("facility").delete("/api/rooms/{r}", annex).then().statusCode(200)
                .body("retiredAt", notNullValue()).body("name", equalTo("Annex")).extract().path("retiredAt");
        as("facility").delete("/api/rooms/{r}", annex).then().statusCode(200).body("retiredAt", equalTo(retiredAt));

        // Gone from the venue's rooms and its list entry; still answered by id for what refers to it.
        as("facility").get("/api/venues/{v}", venueId).then().statusCode(200)
                .body("rooms.name", equalTo(List.of("Hall")));
        as("organizer").get("/api/rooms/{r}", annex).then().statusCode(200).body("retiredAt", equalTo(retiredAt));
        // No booking, move or change any more.
        UUID another = Api.event(start.plus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        Api.book(annex, another, start.plus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)), 0, 0).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-retired"));
        as("organizer").body(Map.of("roomId", annex)).patch("/api/bookings/{b}", bookingId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-retired"));
        as("organizer").get("/api/bookings/{b}", bookingId).then().body("roomId", equalTo(hall.toString()));
        as("facility").body(Map.of("safeOccupancy", 10)).patch("/api/rooms/{r}", annex).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/room-retired"));
        // Its name is free for a new room of the venue.
        UUID newAnnex = room(venueId, "Annex");
        as("facility").get("/api/venues/{v}", venueId).then()
                .body("rooms.id", hasItem(newAnnex.toString())).body("rooms.id", not(hasItem(annex.toString())));
    }

    @Test
    void aRoomRetiredWhileItIsBookedEndsWithOneOfTheTwoNeverBoth() throws Exception {
        for (int round = 0; round < 8; round++) {
            UUID room = Api.venueWithRoom("Contested annex", 40, 40, 40);
            Instant start = Api.daysFromNow(80 + round);
            UUID eventId = Api.event(start, start.plus(Duration.ofHours(2)));
            List<Integer> outcome = Api.bookingRacing(room, eventId, start,
                    () -> as("facility").delete("/api/rooms/{r}", room).then().extract().statusCode());
            assertThat(outcome).as("round " + round + ": booking, retirement").isIn(List.of(201, 409),
                    List.of(409, 200));
            boolean isRetired = as("facility").get("/api/rooms/{r}", room).then().extract()
                    .path("retiredAt") != null;
            int confirmed = as("facility").get("/api/rooms/{r}/bookings", room).then().extract()
                    .path("bookings.findAll { it.status == 'CONFIRMED' }.size()");
            assertThat(isRetired ? 0 : 1).as("round " + round).isEqualTo(confirmed);
        }
    }
}
