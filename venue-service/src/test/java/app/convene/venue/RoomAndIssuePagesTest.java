package app.convene.venue;

import static app.convene.venue.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A room booked week after week for years, and a venue whose issue log keeps growing: both are read a page at a
 * time, in their order, and a page holds only what the caller may see.
 */
@QuarkusTest
class RoomAndIssuePagesTest {
    private static final String EXECUTIVE = "erin.executive@example.com";

    @Test
    void facilityPagesThroughARoomsBookingsAndNeverSeesTheConfidentialOne() {
        UUID roomId = Api.venueWithRoom("Training room", 30, 40, 35);
        Instant monday = Api.daysFromNow(200).truncatedTo(ChronoUnit.DAYS);
        List<String> visible = new ArrayList<>();
        String confidential = null;
        for (int week = 0; week < 6; week++) {
            Instant start = monday.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(9));
            Instant end = start.plus(Duration.ofHours(3));
            if (week == 2) {
                UUID board = Api.event(UUID.randomUUID(), "Board away-day", start, end,
                        new EventAccess(Tokens.ORGANISATION, EXECUTIVE, true, List.of(), List.of()));
                confidential = executive().body(Map.of("roomId", roomId, "eventId", board,
                        "startsAt", start.toString(), "endsAt", end.toString())).post("/api/bookings").then()
                        .statusCode(201).extract().path("id");
            } else {
                visible.add(Api.book(roomId, Api.event(start, end), start, end, 30, 0).statusCode(201).extract()
                        .path("id"));
            }
        }

        // Facility: pages of 2, 2 and 1, in setup order, without the board's booking.
        List<List<String>> pages = pages(as("facility"), "/api/rooms/{r}/bookings", roomId, "bookings", 2, null);
        assertThat(pages).containsExactly(visible.subList(0, 2), visible.subList(2, 4), visible.subList(4, 5));
        // The executive, whose board meeting it is, sees it in its place.
        List<String> all = new ArrayList<>(visible);
        all.add(2, confidential);
        assertThat(pages(executive(), "/api/rooms/{r}/bookings", roomId, "bookings", 4, null).stream()
                .flatMap(List::stream).toList()).isEqualTo(all);
        // One page of the default size holds them all, the same as the pages put together.
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .body("bookings.id", equalTo(visible)).body("next", equalTo(null));
        // A window is kept from page to page: from the fourth week on, 2 then 1.
        String from = monday.plus(Duration.ofDays(21)).toString();
        assertThat(pages(as("facility"), "/api/rooms/{r}/bookings", roomId, "bookings", 2, Map.of("from", from)))
                .containsExactly(visible.subList(2, 4), visible.subList(4, 5));

        // The second booking's event is made confidential between two pages: the walk goes on after it, without it.
        JsonPath first = as("facility").queryParam("limit", 2).get("/api/rooms/{r}/bookings", roomId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getString("next")).isEqualTo(visible.get(1));
        UUID secondEvent = UUID.fromString(as("facility").get("/api/bookings/{b}", visible.get(1)).then()
                .statusCode(200).extract().path("eventId"));
        Instant secondStart = monday.plus(Duration.ofDays(7)).plus(Duration.ofHours(9));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, secondEvent,
                new RegistrationEvents.EventUpdated(secondEvent, "Now confidential", secondStart,
                        secondStart.plus(Duration.ofHours(3)), "Europe/Amsterdam", 500, "PUBLISHED", null, null,
                        new EventAccess(Tokens.ORGANISATION, Api.ORGANIZER, true, List.of(), List.of()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("facility")
                .get("/api/bookings/{b}", visible.get(1)).then().statusCode(404));
        as("facility").queryParam("limit", 2).queryParam("after", first.getString("next"))
                .get("/api/rooms/{r}/bookings", roomId).then().statusCode(200)
                .body("bookings.id", equalTo(visible.subList(2, 4)));

        // A cursor that is no booking of this room, and a size out of range, are refused.
        String otherRoomsBooking = Api.book(Api.venueWithRoom("Elsewhere", 5, 5, 5), Api.event(monday, monday
                .plus(Duration.ofHours(1))), monday, monday.plus(Duration.ofHours(1)), 0, 0).statusCode(201)
                .extract().path("id");
        for (String after : List.of(UUID.randomUUID().toString(), otherRoomsBooking)) {
            as("facility").queryParam("after", after).get("/api/rooms/{r}/bookings", roomId).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                    .body("errors[0].message", containsString("booking of this room"));
        }
        for (String limit : List.of("0", "501", "many")) {
            as("facility").queryParam("limit", limit).get("/api/rooms/{r}/bookings", roomId).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        // Another organisation's facility staff find no such room.
        given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .get("/api/rooms/{r}/bookings", roomId).then().statusCode(404);
    }

    @Test
    void theIssueLogIsReadAPageAtATimeEachIssueWithItsOwnProposals() {
        String venueId = venue();
        List<String> issues = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String issue = as("facility").body(Map.of("description", "Issue " + i, "raisedBy",
                    Map.of("name", "Neighbour " + i))).post("/api/venues/{v}/issues", venueId).then().statusCode(201)
                    .extract().path("id");
            as("facility").body(Map.of("description", "Proposal for issue " + i, "proposedBy", "Coordinator"))
                    .post("/api/venue-issues/{i}/proposals", issue).then().statusCode(201);
            issues.add(issue);
        }
        as("facility").body(Map.of("status", "IN_MEDIATION")).put("/api/venue-issues/{i}/status", issues.get(1))
                .then().statusCode(200);
        as("facility").body(Map.of("status", "IN_MEDIATION")).put("/api/venue-issues/{i}/status", issues.get(3))
                .then().statusCode(200);

        assertThat(pages(as("organizer"), "/api/venues/{v}/issues", venueId, "issues", 2, null))
                .containsExactly(issues.subList(0, 2), issues.subList(2, 4), issues.subList(4, 5));
        JsonPath second = as("organizer").queryParam("limit", 2).queryParam("after", issues.get(1))
                .get("/api/venues/{v}/issues", venueId).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("issues.collect { it.proposals[0].description }", String.class))
                .containsExactly("Proposal for issue 2", "Proposal for issue 3");
        // A status is kept from page to page.
        assertThat(pages(as("organizer"), "/api/venues/{v}/issues", venueId, "issues", 1,
                Map.of("status", "IN_MEDIATION"))).containsExactly(List.of(issues.get(1)), List.of(issues.get(3)));

        String elsewhere = as("facility").body(Map.of("description", "Elsewhere", "raisedBy", Map.of("name", "X")))
                .post("/api/venues/{v}/issues", venue()).then().statusCode(201).extract().path("id");
        as("organizer").queryParam("after", elsewhere).get("/api/venues/{v}/issues", venueId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                .body("errors[0].message", containsString("issue of this venue"));
        as("organizer").queryParam("limit", 501).get("/api/venues/{v}/issues", venueId).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    /** Every page of a list, following {@code next} until it is null. */
    private static List<List<String>> pages(RequestSpecification caller, String path, Object id, String items,
            int limit, Map<String, String> filter) {
        List<List<String>> pages = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = given().spec(caller).queryParam("limit", limit);
            if (filter != null) {
                request.queryParams(filter);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get(path, id).then().statusCode(200).extract().jsonPath();
            pages.add(page.getList(items + ".id", String.class));
            after = page.getString("next");
            assertThat(pages).hasSizeLessThan(20);
        } while (after != null);
        return pages;
    }

    private static RequestSpecification executive() {
        return given().header("Authorization", Tokens.bearer("organizer", EXECUTIVE)).contentType(ContentType.JSON);
    }

    private static String venue() {
        return as("facility").body(Map.of("name", "Venue " + UUID.randomUUID(), "address", Map.of("street",
                "Keizersgracht 1", "city", "Amsterdam", "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }
}
