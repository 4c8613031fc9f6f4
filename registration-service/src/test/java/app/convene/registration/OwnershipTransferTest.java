package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Who owns what changes hands: an organizer hands an event to a colleague and stays on as co-organizer; the owner of
 * a weekly meeting hands the series and its meetings to come to her successor; and when someone leaves, an administrator
 * hands everything they owned to a successor in one call, announced so the other services follow.
 */
@QuarkusTest
class OwnershipTransferTest {
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final Instant start = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);

    private static String organizer(String email) {
        return Tokens.bearer("organizer", email);
    }

    private UUID event(String owner, String title) {
        return UUID.fromString(given().header("Authorization", organizer(owner)).contentType(ContentType.JSON)
                .body(Api.eventBody(title, 20, Duration.ofDays(20), Map.of())).post("/api/events").then()
                .statusCode(201).extract().path("id"));
    }

    private String series(String owner, String title) {
        return given().header("Authorization", organizer(owner)).contentType(ContentType.JSON)
                .body(Map.of("title", title, "firstDate", start.atZone(ZoneOffset.UTC).toLocalDate().toString(),
                        "startTime", "09:00", "durationMinutes", 60, "timeZone", "UTC",
                        "recurrence", "FREQ=WEEKLY;COUNT=3", "capacity", 8))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse access(String as, Object eventId) {
        return given().header("Authorization", organizer(as)).get("/api/events/{e}/access", eventId).then();
    }

    @Test
    void anOwnerHandsAnEventToAColleagueAndStaysOnAsCoOrganizer() throws Exception {
        String olivia = "olivia." + tag + "@example.com";
        String ada = "ada." + tag + "@example.com";
        String cora = "cora." + tag + "@example.com";
        String dina = "dina." + tag + "@example.com";
        UUID eventId = event(olivia, "Handover summit " + tag);
        given().header("Authorization", organizer(olivia)).put("/api/events/{e}/co-organizers/{s}", eventId, cora)
                .then().statusCode(200);
        given().header("Authorization", organizer(olivia)).put("/api/events/{e}/delegates/{s}", eventId, ada)
                .then().statusCode(200);
        given().header("Authorization", organizer(olivia)).put("/api/events/{e}/delegates/{s}", eventId, dina)
                .then().statusCode(200);

        // A co-organizer cannot hand it over; the owner can, to her own delegate Ada.
        given().header("Authorization", organizer(cora)).put("/api/events/{e}/owner/{s}", eventId, cora).then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", organizer(olivia)).put("/api/events/{e}/owner/{s}", eventId, ada.toUpperCase())
                .then().statusCode(200).body("owner", equalTo(ada))
                .body("coOrganizers", equalTo(List.of(cora, olivia)))
                .body("delegates.subject", equalTo(List.of(dina)));
        // Again: nothing changes.
        given().header("Authorization", organizer(ada)).put("/api/events/{e}/owner/{s}", eventId, ada).then()
                .statusCode(200).body("owner", equalTo(ada));

        // The new owner adds co-organizers; the former owner, now a co-organizer, still changes the event.
        given().header("Authorization", organizer(ada)).put("/api/events/{e}/co-organizers/{s}", eventId,
                "eve." + tag + "@example.com").then().statusCode(200);
        given().header("Authorization", organizer(olivia)).contentType(ContentType.JSON)
                .body(Map.of("title", "Handover summit, renamed " + tag)).patch("/api/events/{e}", eventId).then()
                .statusCode(200);
        // The former owner no longer adds co-organizers: that is the owner's.
        given().header("Authorization", organizer(olivia)).put("/api/events/{e}/co-organizers/{s}", eventId,
                "fred." + tag + "@example.com").then().statusCode(403);

        // Announced with the new access, so budget, venue and notification follow.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(updates(eventId))
                .anySatisfy(access -> assertThat(access.path("owner").asText()).isEqualTo(ada)));

        // Another organisation's organizer neither sees nor takes it; a bad address is refused naming the rule.
        given().header("Authorization", Tokens.bearer("organizer", "gus@globex.example", "globex"))
                .put("/api/events/{e}/owner/{s}", eventId, "gus@globex.example").then().statusCode(404);
        given().header("Authorization", organizer(ada)).put("/api/events/{e}/owner/{s}", eventId, "not-an-address")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOwnerOfAWeeklyMeetingHandsTheSeriesAndItsMeetingsToComeToHerSuccessor() {
        String olivia = "olivia." + tag + "@example.com";
        String sam = "sam." + tag + "@example.com";
        String seriesId = series(olivia, "Weekly ops " + tag);
        JsonPath handed = given().header("Authorization", organizer(olivia)).queryParam("keepFormerOwner", false)
                .put("/api/meeting-series/{s}/owner/{o}", seriesId, sam).then().statusCode(200)
                .body("owner", equalTo(sam)).extract().jsonPath();
        List<String> occurrences = handed.getList("occurrences.eventId", String.class);
        assertThat(occurrences).hasSize(3);
        for (String occurrence : occurrences) {
            access(sam, occurrence).statusCode(200).body("owner", equalTo(sam))
                    .body("coOrganizers", not(hasItem(olivia)));
        }
        // The former owner no longer changes the series; the new one does.
        given().header("Authorization", organizer(olivia)).contentType(ContentType.JSON)
                .body(Map.of("title", "Taken back")).patch("/api/meeting-series/{s}", seriesId).then()
                .statusCode(403);
        given().header("Authorization", organizer(sam)).contentType(ContentType.JSON)
                .body(Map.of("title", "Weekly ops, Sam's " + tag)).patch("/api/meeting-series/{s}", seriesId).then()
                .statusCode(200).body("owner", equalTo(sam));
    }

    @Test
    void whenSomeoneLeavesAnAdministratorHandsEverythingTheyOwnedToASuccessorOnce() {
        String leo = "leo." + tag + "@example.com";
        String sam = "sam." + tag + "@example.com";
        String administrator = Tokens.bearer("administrator", "it.admin@example.com");
        UUID first = event(leo, "Leo's offsite " + tag);
        UUID second = event(leo, "Leo's dinner " + tag);
        given().header("Authorization", organizer(leo)).put("/api/events/{e}/delegates/{s}", first,
                "leos.assistant." + tag + "@example.com").then().statusCode(200);
        String seriesId = series(leo, "Leo's standup " + tag);
        UUID untouched = event("olivia." + tag + "@example.com", "Not Leo's " + tag);

        // Only an administrator does it (not the leaver, not an operator), and not onto the same person.
        Map<String, String> body = Map.of("from", leo, "to", sam);
        given().header("Authorization", organizer(leo)).contentType(ContentType.JSON).body(body)
                .post("/api/ownership-transfers").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("operator", "ops@example.com")).contentType(ContentType.JSON)
                .body(body).post("/api/ownership-transfers").then().statusCode(403);
        given().header("Authorization", administrator).contentType(ContentType.JSON).body(Map.of("from", leo, "to", leo))
                .post("/api/ownership-transfers").then().statusCode(400).body("errors[0].field", equalTo("to"));
        // Another organisation's administrator hands over nothing of acme.
        given().header("Authorization", Tokens.bearer("administrator", "it.admin@globex.example", "globex"))
                .contentType(ContentType.JSON).body(body).post("/api/ownership-transfers").then().statusCode(200)
                .body("events", equalTo(0)).body("series", equalTo(0)).body("remaining", equalTo(0));
        access(leo, first).body("owner", equalTo(leo));

        String key = UUID.randomUUID().toString();
        given().header("Authorization", administrator).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/ownership-transfers").then().statusCode(200).body("series", equalTo(1))
                .body("events", equalTo(5)).body("remaining", equalTo(0));
        given().header("Authorization", administrator).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/ownership-transfers").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("events", equalTo(5));

        access(sam, first).statusCode(200).body("owner", equalTo(sam)).body("coOrganizers", equalTo(List.of()))
                .body("delegates", equalTo(List.of()));
        access(sam, second).body("owner", equalTo(sam));
        given().header("Authorization", organizer(sam)).get("/api/meeting-series/{s}", seriesId).then()
                .statusCode(200).body("owner", equalTo(sam));
        access(sam, untouched).body("owner", equalTo("olivia." + tag + "@example.com"));
        // Leo changes nothing any more.
        given().header("Authorization", organizer(leo)).contentType(ContentType.JSON)
                .body(Map.of("title", "Still mine?")).patch("/api/events/{e}", first).then().statusCode(403);
        // A second call finds nothing left.
        given().header("Authorization", administrator).contentType(ContentType.JSON).body(body)
                .post("/api/ownership-transfers").then().statusCode(200).body("events", equalTo(0))
                .body("remaining", equalTo(0));
    }

    /** The access announced with each registration.event-updated.v1 of the event, in order. */
    private static List<JsonNode> updates(UUID eventId) {
        return Api.announced(eventId).stream()
                .filter(r -> RegistrationEvents.EVENT_UPDATED.name().equals(Api.type(r)))
                .map(OwnershipTransferTest::access).toList();
    }

    private static JsonNode access(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value()).path("access");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
