package app.convene.venue;

import static app.convene.venue.Api.as;
import static app.convene.venue.Api.venueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The facility coordinator keeps a venue's partner contacts current: a new phone or language, notices stopped at the
 * partner's request, a contact who left taken off the list (their issues keep their name, nobody writes to them).
 */
@QuarkusTest
class PartnerContactChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String contact(UUID venueId, String name, String email, boolean subscribed) {
        return as("facility").body(Map.of("name", name, "role", "catering", "email", email, "phone", "+46 8 123 45",
                "noticesSubscribed", subscribed)).post("/api/venues/{v}/partner-contacts", venueId).then()
                .statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse change(String role, UUID venueId, String contactId,
            Object body) {
        return as(role).body(body).patch("/api/venues/{v}/partner-contacts/{c}", venueId, contactId).then();
    }

    @Test
    void aContactsDetailsChangeAndNoticesStopWhenTheyAskEveryBrokenRuleNamed() throws Exception {
        UUID roomId = Api.venueWithRoom("Orangery", 40, 60, 50);
        UUID venueId = venueOf(roomId);
        String mia = "mia-" + UUID.randomUUID() + "@caterer.example";
        String leo = "leo-" + UUID.randomUUID() + "@florist.example";
        String miaId = contact(venueId, "Mia Caterer", mia, true);
        contact(venueId, "Leo Florist", leo, true);

        change("facility", venueId, miaId, Map.of("role", "catering and bar", "phone", "", "language", "sv"))
                .statusCode(200).body("role", equalTo("catering and bar")).body("phone", nullValue())
                .body("language", equalTo("sv")).body("email", equalTo(mia)).body("name", equalTo("Mia Caterer"))
                .body("noticesSubscribed", equalTo(true));
        as("facility").get("/api/venues/{v}", venueId).then().statusCode(200)
                .body("partnerContacts.find { it.id == '" + miaId + "' }.language", equalTo("sv"));

        // Leo's address is listed already; the rules are those of adding a contact; only facility staff change one.
        change("facility", venueId, miaId, Map.of("email", leo.toUpperCase())).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/partner-contact-exists"));
        change("facility", venueId, miaId, Map.of("phone", "call me")).statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        change("facility", venueId, miaId, Map.of("name", " ")).statusCode(400)
                .body("errors[0].field", equalTo("name"));
        change("facility", venueId, miaId, Map.of("language", "de")).statusCode(400)
                .body("errors[0].field", equalTo("language"));
        change("facility", venueId, miaId, Map.of("fax", "123")).statusCode(400)
                .body("errors[0].field", equalTo("fax"));
        change("organizer", venueId, miaId, Map.of("name", "Mia")).statusCode(403);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("name", "Mia"))
                .patch("/api/venues/{v}/partner-contacts/{c}", venueId, miaId).then().statusCode(404);
        as("facility").get("/api/venues/{v}/partner-contacts/{c}", venueId, miaId).then().statusCode(200)
                .body("email", equalTo(mia)).body("role", equalTo("catering and bar"));

        // Mia asks for no more notices: the next booking's notice goes to Leo alone.
        change("facility", venueId, miaId, Map.of("noticesSubscribed", false)).statusCode(200)
                .body("noticesSubscribed", equalTo(false));
        Instant start = Api.daysFromNow(50);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(3)));
        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(3)), 30, 30).statusCode(201);
        var notices = await().atMost(Duration.ofSeconds(20))
                .until(() -> Api.announced(venueId, VenueEvents.VENUE_NOTICE.name()), r -> r.size() == 1);
        JsonNode notice = JSON.readTree(notices.get(0).value());
        assertThat(notice.get("subscribers")).singleElement()
                .satisfies(s -> assertThat(s.get("email").asText()).isEqualTo(leo));
    }

    @Test
    void aContactWhoLeftIsTakenOffTheListAndNoLongerWrittenTo() {
        UUID roomId = Api.venueWithRoom("Boathouse", 30, 40, 35);
        UUID venueId = venueOf(roomId);
        String sven = "sven-" + UUID.randomUUID() + "@caterer.example";
        String svenId = contact(venueId, "Sven Caterer", sven, true);
        String issueId = as("facility").body(Map.of("description", "Loading dock blocked",
                "raisedBy", Map.of("partnerContactId", svenId)))
                .post("/api/venues/{v}/issues", venueId).then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.announced(UUID.fromString(issueId),
                VenueEvents.ISSUE_UPDATED.name()), r -> r.size() == 1);

        as("facility").delete("/api/venues/{v}/partner-contacts/{c}", venueId, svenId).then().statusCode(204);
        as("facility").delete("/api/venues/{v}/partner-contacts/{c}", venueId, svenId).then().statusCode(204);
        as("facility").get("/api/venues/{v}/partner-contacts/{c}", venueId, svenId).then().statusCode(404);
        as("facility").get("/api/venues/{v}", venueId).then().statusCode(200)
                .body("partnerContacts.id", not(hasItem(svenId)));
        change("facility", venueId, svenId, Map.of("name", "Sven")).statusCode(404);
        // His issue keeps his name; its next step is announced to no one, and he raises no new one.
        as("facility").body(Map.of("status", "IN_MEDIATION")).put("/api/venue-issues/{i}/status", issueId)
                .then().statusCode(200);
        as("facility").get("/api/venue-issues/{i}", issueId).then().statusCode(200)
                .body("status", equalTo("IN_MEDIATION"));
        Map<String, Object> byHim = new HashMap<>();
        byHim.put("description", "Another blockage");
        byHim.put("raisedBy", Map.of("partnerContactId", svenId));
        as("facility").body(byHim).post("/api/venues/{v}/issues", venueId).then().statusCode(422)
                .body("errors[0].field", equalTo("raisedBy.partnerContactId"));
        // A booking's notice no longer lists him.
        Instant start = Api.daysFromNow(60);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(3)));
        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(3)), 30, 30).statusCode(201);
        // His successor may be listed under the same shared address.
        String successor = contact(venueId, "Sara Caterer", sven, false);
        as("facility").get("/api/venues/{v}", venueId).then()
                .body("partnerContacts.id", equalTo(List.of(successor)));
        // The booking is announced after the issue's step and the notice would have been: once it is seen, they would be.
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.announced(eventId,
                VenueEvents.BOOKING_CONFIRMED.name()), r -> r.size() == 1);
        assertThat(Api.announced(UUID.fromString(issueId), VenueEvents.ISSUE_UPDATED.name())).hasSize(1);
        assertThat(Api.announced(venueId, VenueEvents.VENUE_NOTICE.name())).isEmpty();
    }
}
