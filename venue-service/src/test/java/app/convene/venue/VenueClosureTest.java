package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.venueOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class VenueClosureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void contact(UUID venueId, String name, String email, String language, boolean subscribed) {
        as("facility").body(Map.of("name", name, "role", "partner", "email", email, "language", language,
                "noticesSubscribed", subscribed)).post("/api/venues/{v}/partner-contacts", venueId).then()
                .statusCode(201);
    }

    private static ExtractableResponse<Response> close(UUID venueId, String key, Map<String, ?> body) {
        return as("facility").header("Idempotency-Key", key).body(body).post("/api/venues/{v}/closures", venueId)
                .then().extract();
    }

    private static JsonNode roomBooked(UUID eventId) throws Exception {
        String body = Api.readiness(eventId).statusCode(200).extract().asString();
        for (JsonNode check : JSON.readTree(body).get("checks")) {
            if ("room booked".equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no room booked check in " + body);
    }

    private static List<JsonNode> notices(UUID venueId) throws Exception {
        List<JsonNode> values = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : Api.announced(venueId, VenueEvents.VENUE_NOTICE.name())) {
            values.add(JSON.readTree(r.value()));
        }
        return values;
    }

    @Test
    void aStrikeClosesTheVenueOverABookingThePartnersAreToldNewBookingsAreRefusedAndReopeningUndoesIt()
            throws Exception {
        UUID roomId = Api.venueWithRoom("Main hall", 100, 120, 100);
        UUID venueId = venueOf(roomId);
        String astrid = "astrid-" + UUID.randomUUID() + "@catering.example";
        String ed = "ed-" + UUID.randomUUID() + "@cleaning.example";
        contact(venueId, "Astrid Catering", astrid, "sv", true);
        contact(venueId, "Ed Cleaning", ed, "en", true);
        contact(venueId, "Una Quiet", "una-" + UUID.randomUUID() + "@av.example", "nl", false);

        Instant start = Api.daysFromNow(50);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(6)));
        String bookingId = Api.book(roomId, eventId, start, start.plus(Duration.ofHours(6)), 60, 60).statusCode(201)
                .extract().path("id");
        assertThat(roomBooked(eventId).get("status").asText()).isEqualTo("MET");

        // The whole venue closes for a strike over the booked day: accepted, and the booking is named.
        Instant from = start.minus(Duration.ofDays(1));
        Instant until = start.plus(Duration.ofDays(2));
        String key = UUID.randomUUID().toString();
        Map<String, Object> strike = Map.of("from", from.toString(), "until", until.toString(),
                "reason", "  General strike  ");
        ExtractableResponse<Response> closed = close(venueId, key, strike);
        assertThat(closed.statusCode()).isEqualTo(201);
        String closureId = closed.path("id");
        assertThat(closed.header("Location")).endsWith("/api/venues/" + venueId + "/closures/" + closureId);
        assertThat(closed.<String>path("status")).isEqualTo("ACTIVE");
        assertThat(closed.<String>path("reason")).isEqualTo("General strike");
        assertThat(closed.<String>path("roomId")).isNull();
        assertThat(closed.<List<String>>path("affectedBookings.bookingId")).containsExactly(bookingId);
        assertThat(closed.<List<String>>path("affectedBookings.eventId")).containsExactly(eventId.toString());
        // The Location is the closure, as the 201 gave it.
        assertThat(as("organizer").get(closed.header("Location")).then().statusCode(200).extract().jsonPath()
                .getMap("$")).isEqualTo(closed.jsonPath().getMap("$"));
        assertThat(closed.<List<String>>path("affectedBookings.roomName")).containsExactly("Main hall");
        assertThat(Instant.parse(closed.<List<String>>path("affectedBookings.setupStartsAt").get(0)))
                .isEqualTo(start.minus(Duration.ofHours(1)));

        // The same request again with its key answers the same closure: one closure, one notice.
        ExtractableResponse<Response> again = close(venueId, key, strike);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.<String>path("id")).isEqualTo(closureId);

        JsonNode check = roomBooked(eventId);
        assertThat(check.get("status").asText()).isEqualTo("NOT_MET");
        assertThat(check.get("reason").asText()).isEqualTo("venue closed " + from + "–" + until + ": General strike");
        var assessed = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.READINESS_ASSESSED.name()),
                r -> !r.isEmpty() && r.get(r.size() - 1).value().contains("venue closed"));
        assertThat(JSON.readTree(assessed.get(assessed.size() - 1).value()).get("ready").asBoolean()).isFalse();

        List<JsonNode> told = await().atMost(Duration.ofSeconds(20)).until(() -> notices(venueId),
                n -> n.stream().anyMatch(x -> "CLOSURE".equals(x.get("kind").asText())));
        JsonNode notice = told.stream().filter(x -> "CLOSURE".equals(x.get("kind").asText())).findFirst().get();
        assertThat(notice.get("closureId").asText()).isEqualTo(closureId);
        assertThat(notice.get("reason").asText()).isEqualTo("General strike");
        assertThat(notice.get("roomName").isNull()).isTrue();
        assertThat(Instant.parse(notice.get("startsAt").asText())).isEqualTo(from);
        assertThat(Instant.parse(notice.get("endsAt").asText())).isEqualTo(until);
        assertThat(notice.get("subscribers").findValuesAsText("email")).containsExactlyInAnyOrder(astrid, ed);
        assertThat(notice.get("subscribers").findValuesAsText("language")).containsExactlyInAnyOrder("sv", "en");

        // Another event cannot be booked into the closed venue: the answer names the closure.
        Instant inside = start.plus(Duration.ofDays(1));
        UUID other = Api.event(inside, inside.plus(Duration.ofHours(2)));
        Api.book(roomId, other, inside, inside.plus(Duration.ofHours(2)), 0, 0).statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("venue-closed"))
                .body("detail", org.hamcrest.Matchers.containsString("closure " + closureId))
                .body("detail", org.hamcrest.Matchers.containsString("General strike"));

        // The list shows it now and within a window around it, not in a window after it.
        assertThat(as("organizer").get("/api/venues/{v}/closures", venueId).then().statusCode(200).extract()
                .<List<String>>path("id")).containsExactly(closureId);
        assertThat(as("finance").queryParam("from", until.toString()).get("/api/venues/{v}/closures", venueId)
                .then().statusCode(200).extract().<List<String>>path("id")).isEmpty();
        assertThat(as("facility").queryParam("from", from.minus(Duration.ofDays(5)).toString())
                .queryParam("to", from.plus(Duration.ofHours(1)).toString())
                .get("/api/venues/{v}/closures", venueId).then().statusCode(200).extract()
                .<List<String>>path("id")).containsExactly(closureId);

        // Reopening: kept as withdrawn, the booking's check is met again, partners are told, once.
        as("facility").delete("/api/venues/{v}/closures/{c}", venueId, closureId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"))
                .body("withdrawnBy", org.hamcrest.Matchers.equalTo(Api.FACILITY))
                .body("affectedBookings.bookingId", org.hamcrest.Matchers.contains(bookingId));
        as("facility").delete("/api/venues/{v}/closures/{c}", venueId, closureId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        assertThat(roomBooked(eventId).get("status").asText()).isEqualTo("MET");
        assertThat(as("facility").get("/api/venues/{v}/closures", venueId).then().statusCode(200).extract()
                .<List<String>>path("id")).isEmpty();
        assertThat(as("facility").queryParam("withdrawn", true).get("/api/venues/{v}/closures", venueId).then()
                .statusCode(200).extract().<List<String>>path("status")).containsExactly("WITHDRAWN");
        Api.book(roomId, other, inside, inside.plus(Duration.ofHours(2)), 0, 0).statusCode(201);

        List<JsonNode> all = await().atMost(Duration.ofSeconds(20)).until(() -> notices(venueId),
                n -> n.stream().anyMatch(x -> "CLOSURE_WITHDRAWN".equals(x.get("kind").asText())));
        Thread.sleep(1500);
        all = notices(venueId);
        assertThat(all.stream().map(x -> x.get("kind").asText()).filter(k -> k.startsWith("CLOSURE")))
                .containsExactly("CLOSURE", "CLOSURE_WITHDRAWN");
        assertThat(all).filteredOn(x -> "CLOSURE_WITHDRAWN".equals(x.get("kind").asText())).singleElement()
                .satisfies(x -> assertThat(x.get("closureId").asText()).isEqualTo(closureId));
    }

    @Test
    void aRoomClosureHoldsOnlyThatRoomAndTheRulesOfInputAndOwnershipAreAnsweredAsProblems() {
        UUID roomId = Api.venueWithRoom("Studio", 20, 20, 20);
        UUID venueId = venueOf(roomId);
        String otherRoom = as("facility").body(Map.of("name", "Annex", "seatedCapacity", 10, "standingCapacity", 10,
                "safeOccupancy", 10)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract()
                .path("id");
        UUID foreignRoom = Api.venueWithRoom("Elsewhere", 10, 10, 10);
        Instant start = Api.daysFromNow(70);
        Map<String, Object> works = Map.of("from", start.toString(), "until",
                start.plus(Duration.ofDays(3)).toString(), "reason", "Floor works", "roomId", roomId.toString());
        String closureId = close(venueId, UUID.randomUUID().toString(), works).path("id");
        assertThat(closureId).isNotNull();

        Instant day = start.plus(Duration.ofDays(1));
        Api.book(roomId, Api.event(day, day.plus(Duration.ofHours(2))), day, day.plus(Duration.ofHours(2)), 0, 0)
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("Floor works"));
        as("organizer").body(Map.of("roomId", otherRoom, "eventId",
                Api.event(day, day.plus(Duration.ofHours(2))), "startsAt", day.toString(), "endsAt",
                day.plus(Duration.ofHours(2)).toString())).post("/api/bookings").then().statusCode(201);

        ExtractableResponse<Response> backwards = close(venueId, UUID.randomUUID().toString(), Map.of("from",
                start.toString(), "until", start.minus(Duration.ofHours(1)).toString(), "reason", "Holiday"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.<List<String>>path("errors.field")).containsExactly("until");
        ExtractableResponse<Response> noReason = close(venueId, UUID.randomUUID().toString(), Map.of("from",
                start.toString(), "until", start.plusSeconds(60).toString(), "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.<List<String>>path("errors.field")).anyMatch(f -> f.endsWith("reason"));
        ExtractableResponse<Response> tooLong = close(venueId, UUID.randomUUID().toString(), Map.of("from",
                start.toString(), "until", start.plusSeconds(60).toString(), "reason", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        ExtractableResponse<Response> notOurRoom = close(venueId, UUID.randomUUID().toString(), Map.of("from",
                start.toString(), "until", start.plusSeconds(60).toString(), "reason", "Holiday", "roomId",
                foreignRoom.toString()));
        assertThat(notOurRoom.statusCode()).isEqualTo(422);
        assertThat(notOurRoom.<List<String>>path("errors.field")).containsExactly("roomId");
        as("facility").queryParam("from", "tomorrow").get("/api/venues/{v}/closures", venueId).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("from"));

        // Another organisation's venue is not found, whatever it does; an organizer does not close venues.
        String globex = Tokens.bearer("facility", "gina@globex.example", "globex");
        given().header("Authorization", globex).contentType(ContentType.JSON).body(works)
                .post("/api/venues/{v}/closures", venueId).then().statusCode(404);
        given().header("Authorization", globex).get("/api/venues/{v}/closures", venueId).then().statusCode(404);
        given().header("Authorization", globex).delete("/api/venues/{v}/closures/{c}", venueId, closureId).then()
                .statusCode(404);
        given().header("Authorization", globex).get("/api/venues/{v}/closures/{c}", venueId, closureId).then()
                .statusCode(404);
        as("organizer").body(works).post("/api/venues/{v}/closures", venueId).then().statusCode(403);
        as("facility").delete("/api/venues/{v}/closures/{c}", venueId, UUID.randomUUID()).then().statusCode(404);
    }
}
