package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import app.convene.backbone.testing.DocumentedAnswers;

@QuarkusTest
class IssueLogTest {
    private static final String TRANSITION_REFUSED = "https://convene.app/problems/issue-transition-not-allowed";

    @Test
    void thePartnersIssueIsMediatedThenResolvedWithProposalsAndTheLogFiltersByStatus() {
        String venueId = venue();
        String contactId = as("facility").body(Map.of("name", "Ann Caterer", "role", "catering",
                "email", "ann@caterer.example")).post("/api/venues/{v}/partner-contacts", venueId)
                .then().statusCode(201).extract().path("id");

        String docks = raise(venueId, Map.of("description", "Loading dock blocked by waste containers",
                "raisedBy", Map.of("partnerContactId", contactId))).statusCode(201)
                .header("Location", containsString("/api/venue-issues/"))
                .body("status", equalTo("OPEN"))
                .body("raisedBy.partnerContactId", equalTo(contactId))
                .body("raisedBy.name", equalTo("Ann Caterer"))
                .body("recordedBy", equalTo(Api.FACILITY))
                .body("resolution", nullValue())
                .extract().path("id");
        String noise = raise(venueId, Map.of("description", "Sound check too loud for the offices upstairs",
                "raisedBy", Map.of("name", "Bram, building manager"))).statusCode(201)
                .body("raisedBy.partnerContactId", nullValue()).body("raisedBy.name", equalTo("Bram, building manager"))
                .extract().path("id");

        // Resolving before mediating is not a transition the log allows.
        status(docks, Map.of("status", "RESOLVED", "resolution", "Containers moved")).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(TRANSITION_REFUSED))
                .body("detail", containsString("is OPEN and cannot become RESOLVED"));
        status(docks, Map.of("status", "IN_MEDIATION")).statusCode(200)
                .body("status", equalTo("IN_MEDIATION")).body("mediatedBy", equalTo(Api.FACILITY))
                .body("mediationStartedAt", notNullValue());
        status(docks, Map.of("status", "IN_MEDIATION")).statusCode(409).body("type", equalTo(TRANSITION_REFUSED));

        // A resolution is required to resolve, and only then.
        status(docks, Map.of("status", "RESOLVED")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("resolution"))
                .body("errors[0].message", equalTo("is required to resolve an issue"));
        status(docks, Map.of("status", "RESOLVED", "resolution", "  ")).statusCode(400)
                .body("errors[0].field", equalTo("resolution"));
        status(noise, Map.of("status", "IN_MEDIATION", "resolution", "early")).statusCode(400)
                .body("errors[0].field", equalTo("resolution"));
        as("facility").get("/api/venue-issues/{i}", noise).then().statusCode(200).body("status", equalTo("OPEN"));

        as("facility").body(Map.of("description", "Collect waste in the afternoon", "proposedBy", "Ann Caterer"))
                .post("/api/venue-issues/{i}/proposals", docks).then().statusCode(201)
                .body("issueId", equalTo(docks)).body("proposedBy", equalTo("Ann Caterer"));
        status(docks, Map.of("status", "RESOLVED", "resolution", "Waste collection moved to 14:00")).statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("Waste collection moved to 14:00"))
                .body("resolvedBy", equalTo(Api.FACILITY)).body("resolvedAt", notNullValue());
        // Resolved is final; proposals are still welcome afterwards.
        status(docks, Map.of("status", "OPEN")).statusCode(409).body("detail", containsString("it is final"));
        status(docks, Map.of("status", "IN_MEDIATION")).statusCode(409);
        as("facility").body(Map.of("description", "Signpost the dock for drivers"))
                .post("/api/venue-issues/{i}/proposals", docks).then().statusCode(201)
                .body("proposedBy", equalTo(Api.FACILITY));

        as("facility").body(Map.of("description", "Quiet hours after 22:00"))
                .post("/api/venue-issues/{i}/proposals", noise).then().statusCode(201);

        // Organizers read the log, filtered by status; proposals come with their issue, oldest first.
        as("organizer").get("/api/venues/{v}/issues", venueId).then().statusCode(200)
                .body("issues.id", contains(docks, noise)).body("next", equalTo(null))
                .body("issues[0].proposals.description", contains("Collect waste in the afternoon",
                        "Signpost the dock for drivers"))
                .body("issues[1].proposals.description", contains("Quiet hours after 22:00"));
        as("organizer").queryParam("status", "OPEN").get("/api/venues/{v}/issues", venueId).then().statusCode(200)
                .body("issues.id", contains(noise));
        as("organizer").queryParam("status", "CLOSED").get("/api/venues/{v}/issues", venueId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of OPEN, IN_MEDIATION, RESOLVED"));
        as("organizer").queryParam("status", "RESOLVED").get("/api/venues/{v}/issues", venueId).then()
                .statusCode(200).body("issues.id", contains(docks))
                .body("issues[0].proposals.description", contains("Collect waste in the afternoon",
                        "Signpost the dock for drivers"));
        as("organizer").queryParam("status", "IN_MEDIATION").get("/api/venues/{v}/issues", venueId).then()
                .statusCode(200).body("issues.size()", equalTo(0));
        as("organizer").get("/api/venue-issues/{i}", docks).then().statusCode(200)
                .body("proposals.size()", equalTo(2));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndRule() {
        String venueId = venue();
        String otherVenuesContact = as("facility").body(Map.of("name", "Carl", "role", "AV",
                "email", "carl@av.example")).post("/api/venues/{v}/partner-contacts", venue())
                .then().statusCode(201).extract().path("id");

        raise(venueId, Map.of("description", "x", "raisedBy", Map.of())).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("raisedBy"))
                .body("errors[0].message", equalTo("partnerContactId or name is required"));
        raise(venueId, Map.of("description", "x", "raisedBy", Map.of("name", "Bram",
                "partnerContactId", otherVenuesContact))).statusCode(400)
                .body("errors[0].field", equalTo("raisedBy"));
        raise(venueId, Map.of("description", "x", "raisedBy", Map.of("partnerContactId", otherVenuesContact)))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/unknown-partner-contact"))
                .body("errors[0].field", equalTo("raisedBy.partnerContactId"));
        raise(venueId, Map.of("description", " ", "raisedBy", Map.of("name", "Bram"))).statusCode(400)
                .body("errors.field", hasItem("description"));
        raise(venueId, Map.of("raisedBy", Map.of("name", "Bram"))).statusCode(400)
                .body("errors.field", hasItem("description"));
        raise(venueId, Map.of("description", "x", "raisedBy", Map.of("name", "Bram"), "severity", "high"))
                .statusCode(400).body("errors[0].field", equalTo("severity"));
        raise(UUID.randomUUID().toString(), Map.of("description", "x", "raisedBy", Map.of("name", "Bram")))
                .statusCode(404).contentType("application/problem+json");
        as("organizer").body(Map.of("description", "x", "raisedBy", Map.of("name", "Bram")))
                .post("/api/venues/{v}/issues", venueId).then().statusCode(403)
                .contentType("application/problem+json");
        as("finance").get("/api/venues/{v}/issues", venueId).then().statusCode(403);

        String issue = raise(venueId, Map.of("description", "Lift out of order", "raisedBy",
                Map.of("name", "Bram"))).statusCode(201).extract().path("id");
        status(issue, Map.of("status", "CLOSED")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        status(issue, Map.of()).statusCode(400).body("errors[0].field", equalTo("status"));
        status(UUID.randomUUID().toString(), Map.of("status", "IN_MEDIATION")).statusCode(404)
                .contentType("application/problem+json");
        as("organizer").body(Map.of("status", "IN_MEDIATION")).put("/api/venue-issues/{i}/status", issue).then()
                .statusCode(403);
        as("facility").body(Map.of("description", "")).post("/api/venue-issues/{i}/proposals", issue).then()
                .statusCode(400).body("errors[0].field", equalTo("description"));
        as("facility").body(Map.of("description", "Fix it")).post("/api/venue-issues/{i}/proposals",
                UUID.randomUUID()).then().statusCode(404);
        as("organizer").queryParam("status", "open-ish").get("/api/venues/{v}/issues", venueId).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("OPEN, IN_MEDIATION, RESOLVED"));

        // Nothing refused was written.
        as("organizer").get("/api/venues/{v}/issues", venueId).then().statusCode(200).body("issues.id", contains(issue))
                .body("issues[0].status", equalTo("OPEN")).body("issues[0].proposals.size()", equalTo(0));
    }

    @Test
    void aRetriedRaiseWithTheSameIdempotencyKeyLogsTheIssueOnce() {
        String venueId = venue();
        Map<String, Object> body = Map.of("description", "Fire door propped open", "raisedBy",
                Map.of("name", "Security"));
        String key = UUID.randomUUID().toString();
        String first = as("facility").header("Idempotency-Key", key).body(body).post("/api/venues/{v}/issues",
                venueId).then().statusCode(201).extract().path("id");
        as("facility").header("Idempotency-Key", key).body(body).post("/api/venues/{v}/issues", venueId).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as("facility").header("Idempotency-Key", key).body(Map.of("description", "Something else", "raisedBy",
                Map.of("name", "Security"))).post("/api/venues/{v}/issues", venueId).then().statusCode(422)
                .contentType("application/problem+json");
        as("organizer").get("/api/venues/{v}/issues", venueId).then().body("issues.id", contains(first));
    }

    @Test
    void coordinatorsMovingOneIssueAtOnceMoveItOnce() throws Exception {
        String venueId = venue();
        String issue = raise(venueId, Map.of("description", "Cleaning crew arrives late", "raisedBy",
                Map.of("name", "Cleaning Co"))).statusCode(201).extract().path("id");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return status(issue, Map.of("status", "IN_MEDIATION")).extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(), 1, Integer::sum);
            }
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1, 409, racers - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOpenApiDocumentsEveryProblemAnswerOfTheLog() {
        String problem = "content.'application/problem+json'.schema.$ref";
        var paths = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200);
        paths.body("paths.'/api/venue-issues/{issueId}/status'.put.responses.'409'." + problem,
                containsString("Problem"))
                .body("paths.'/api/venue-issues/{issueId}/status'.put.responses.'400'." + problem,
                        containsString("Problem"))
                .body("paths.'/api/venue-issues/{issueId}/status'.put.responses.'404'." + problem,
                        containsString("Problem"))
                .body("paths.'/api/venues/{venueId}/issues'.get.responses.'400'." + problem,
                        containsString("Problem"))
                .body("paths.'/api/venue-issues/{issueId}/proposals'.post.responses.'404'." + problem,
                        containsString("Problem"));
        // the Idempotency-Key's 422 is shared by every POST, described once in components.responses
        assertThat(DocumentedAnswers.content(paths.extract().jsonPath(),
                "'/api/venues/{venueId}/issues'.post", "422")).containsKey("application/problem+json");
    }

    private static String venue() {
        return as("facility").body(Map.of("name", "Venue " + UUID.randomUUID(), "address", Map.of("street",
                "Keizersgracht 1", "city", "Amsterdam", "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse raise(String venueId, Map<String, ?> body) {
        return as("facility").body(body).post("/api/venues/{v}/issues", venueId).then();
    }

    private static ValidatableResponse status(String issueId, Map<String, ?> body) {
        return as("facility").body(body).put("/api/venue-issues/{i}/status", issueId).then();
    }
}
