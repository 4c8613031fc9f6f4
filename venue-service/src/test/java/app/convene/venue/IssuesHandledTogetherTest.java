package app.convene.venue;

import static app.convene.venue.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Two facility coordinators keep one venue's issue log from two screens. Reading an issue gives a strong ETag that
 * covers its status and its proposals; a move that names the tag it was made from (If-Match) is refused with 412 when
 * the issue changed meanwhile (a new proposal, the other coordinator's move), instead of moving an issue its mover
 * has not seen as it stands. The status still moves forward only (409); without If-Match a move is made as before.
 */
@QuarkusTest
class IssuesHandledTogetherTest {
    private static final String FRANK = Tokens.bearer("facility", Api.FACILITY);
    private static final String FIONA = Tokens.bearer("facility", "fiona.facility@example.com");

    @Test
    void aMoveFromAReadOlderThanTheOtherCoordinatorsChangesIsRefused() {
        String issue = raise("Loading dock blocked by waste containers");

        // Both read the issue: the same strong tag; reading again with it is answered 304 without a body.
        String first = read(FRANK, issue).extract().header("ETag");
        assertThat(first).startsWith("\"");
        assertThat(read(FIONA, issue).extract().header("ETag")).isEqualTo(first);
        given().header("Authorization", FRANK).header("If-None-Match", first).get("/api/venue-issues/{i}", issue)
                .then().statusCode(304).header("ETag", first);

        // Fiona attaches a proposal: Frank's move from his older read is refused, the issue stays OPEN.
        given().header("Authorization", FIONA).contentType(ContentType.JSON)
                .body(Map.of("description", "Ask the caterer to use the side entrance"))
                .post("/api/venue-issues/{i}/proposals", issue).then().statusCode(201);
        String proposed = read(FRANK, issue).body("proposals", hasSize(1)).extract().header("ETag");
        assertThat(proposed).isNotEqualTo(first);
        refused(move(FRANK, issue, first, Map.of("status", "IN_MEDIATION")), proposed);
        read(FRANK, issue).body("status", equalTo("OPEN")).body("mediatedBy", nullValue());

        // Both read again; Fiona starts the mediation, and Frank's resolution from the same read is refused with
        // 412 (read it again), not judged as a move from OPEN.
        String open = read(FIONA, issue).extract().header("ETag");
        assertThat(read(FRANK, issue).extract().header("ETag")).isEqualTo(open);
        move(FIONA, issue, open, Map.of("status", "IN_MEDIATION")).statusCode(200)
                .body("status", equalTo("IN_MEDIATION"));
        String mediating = read(FRANK, issue).body("mediatedBy", equalTo("fiona.facility@example.com")).extract()
                .header("ETag");
        refused(move(FRANK, issue, open, Map.of("status", "RESOLVED", "resolution", "Containers moved")), mediating);
        read(FRANK, issue).body("status", equalTo("IN_MEDIATION")).body("resolution", nullValue());

        // A weak form of the current tag is no match; the current tag is.
        move(FRANK, issue, "W/" + mediating, Map.of("status", "RESOLVED", "resolution", "Containers moved"))
                .statusCode(412);
        move(FRANK, issue, mediating, Map.of("status", "RESOLVED", "resolution", "Containers moved"))
                .statusCode(200).body("status", equalTo("RESOLVED"));
        // A current tag does not make a backward move allowed: still 409.
        String resolved = read(FRANK, issue).extract().header("ETag");
        move(FRANK, issue, resolved, Map.of("status", "IN_MEDIATION")).statusCode(409);
        read(FRANK, issue).body("status", equalTo("RESOLVED")).body("resolution", equalTo("Containers moved"));
    }

    @Test
    void aStaleTagIsRefusedButAnyTagOrNoneMovesTheIssueAsBefore() {
        String issue = raise("Sound check too loud for the offices upstairs");
        String read = read(FRANK, issue).extract().header("ETag");
        given().header("Authorization", FIONA).contentType(ContentType.JSON)
                .body(Map.of("description", "Sound checks before nine")).post("/api/venue-issues/{i}/proposals", issue)
                .then().statusCode(201);
        move(FRANK, issue, read, Map.of("status", "IN_MEDIATION")).statusCode(412);
        move(FRANK, issue, "*", Map.of("status", "IN_MEDIATION")).statusCode(200)
                .body("status", equalTo("IN_MEDIATION"));
        move(FIONA, issue, null, Map.of("status", "RESOLVED", "resolution", "Sound checks before nine"))
                .statusCode(200).body("status", equalTo("RESOLVED"));
        move(FIONA, issue, null, Map.of("status", "IN_MEDIATION")).statusCode(409);
    }

    @Test
    void ofManyMovesFromTheSameReadExactlyOneIsMade() throws Exception {
        String issue = raise("Cloakroom too small for winter events");
        String read = read(FRANK, issue).extract().header("ETag");

        List<Integer> statuses = Race.statuses(8, writer -> move(writer % 2 == 0 ? FRANK : FIONA, issue, read,
                Map.of("status", "IN_MEDIATION")).extract().statusCode());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        read(FRANK, issue).body("status", equalTo("IN_MEDIATION"));
    }

    private static void refused(ValidatableResponse answer, String current) {
        answer.statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("precondition-failed"))
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(current));
    }

    private static String raise(String description) {
        String venueId = as("facility").body(Map.of("name", "Venue " + UUID.randomUUID(), "address", Map.of(
                "street", "Keizersgracht 1", "city", "Amsterdam", "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        return as("facility").body(Map.of("description", description, "raisedBy", Map.of("name", "Bram")))
                .post("/api/venues/{v}/issues", venueId).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse read(String token, String issue) {
        return given().header("Authorization", token).get("/api/venue-issues/{i}", issue).then().statusCode(200);
    }

    private static ValidatableResponse move(String token, String issue, String ifMatch, Map<String, ?> body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/venue-issues/{i}/status", issue).then();
    }
}
