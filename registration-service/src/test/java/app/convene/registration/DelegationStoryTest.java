package app.convene.registration;

import static app.convene.registration.Api.announced;
import static app.convene.registration.Api.type;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * An executive owns a confidential board meeting and an open town hall. Her assistant, named as her delegate, runs
 * the board meeting on her behalf; a colleague organizer reads the town hall but changes nothing, and does not see
 * the board meeting at all; the other services learn all of it from the events.
 */
@QuarkusTest
class DelegationStoryTest {
    private static final String ERIKA = "erika.exec@example.com";
    private static final String ADA = "ada.assistant@example.com";
    private static final String CARL = "carl.colleague@example.com";

    private static String organizer(String email) {
        return Tokens.bearer("organizer", email);
    }

    private static ValidatableResponse call(String token, String method, String path, Object... params) {
        return given().header("Authorization", token).request(method, path, params).then();
    }

    private static ValidatableResponse patch(String token, UUID eventId, Map<String, Object> changes) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(changes)
                .patch("/api/events/{e}", eventId).then();
    }

    private static UUID schedule(String title, boolean confidential) {
        return UUID.fromString(given().header("Authorization", organizer(ERIKA)).contentType(ContentType.JSON)
                .body(Api.eventBody(title, 12, Duration.ofDays(15), Map.of("confidential", confidential)))
                .post("/api/events").then().statusCode(201).body("access.owner", equalTo(ERIKA))
                .body("access.organisation", equalTo("acme")).body("confidential", equalTo(confidential))
                .extract().path("id"));
    }

    @Test
    void anAssistantRunsTheExecutivesConfidentialMeetingWhileAColleagueSeesOnlyWhatIsOpen() throws Exception {
        UUID board = schedule("Board meeting Q3", true);
        UUID townHall = schedule("Town hall Q3", false);

        // The colleague reads the open town hall, changes nothing, and does not see the board meeting.
        call(organizer(CARL), "GET", "/api/events/{e}", townHall).statusCode(200).body("access.owner", equalTo(ERIKA));
        patch(organizer(CARL), townHall, Map.of("capacity", 99)).statusCode(403)
                .body("type", equalTo("https://convene.app/problems/not-event-member"));
        given().header("Authorization", organizer(CARL)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", "x@example.com", "name", "X")))
                .post("/api/events/{e}/registrations", townHall).then().statusCode(403);
        call(organizer(CARL), "GET", "/api/events/{e}/roll", townHall).statusCode(403);
        for (String path : List.of("/api/events/{e}", "/api/events/{e}/access", "/api/events/{e}/sessions",
                "/api/events/{e}/roll", "/api/events/{e}/audit")) {
            call(organizer(CARL), "GET", path, board).statusCode(404);
        }
        patch(organizer(CARL), board, Map.of("capacity", 99)).statusCode(404);

        // Erika names her assistant (any case; asking twice changes nothing).
        call(organizer(ERIKA), "PUT", "/api/events/{e}/delegates/{s}", board, "Ada.Assistant@Example.com")
                .statusCode(200).body("delegates[0].subject", equalTo(ADA))
                .body("delegates[0].onBehalfOf", equalTo(ERIKA));
        call(organizer(ERIKA), "PUT", "/api/events/{e}/delegates/{s}", board, ADA).statusCode(200)
                .body("delegates.size()", equalTo(1));

        // Ada sees and runs the meeting: changes it, registers the board, books a group.
        call(organizer(ADA), "GET", "/api/events/{e}", board).statusCode(200).body("confidential", equalTo(true));
        patch(organizer(ADA), board, Map.of("capacity", 8)).statusCode(200).body("capacity", equalTo(8));
        Api.register(board, "nobody@example.com", "Nobody").statusCode(404);
        String boardMember = given().header("Authorization", organizer(ADA)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", "bo.board@example.com", "name", "Bo Board")))
                .post("/api/events/{e}/registrations", board).then().statusCode(201).extract().path("id");
        given().header("Authorization", organizer(ADA)).contentType(ContentType.JSON)
                .body(Map.of("booker", Map.of("email", ADA, "name", "Ada"), "attendees",
                        List.of(Map.of("email", "cy.board@example.com", "name", "Cy Board"),
                                Map.of("email", "di.board@example.com", "name", "Di Board"))))
                .post("/api/events/{e}/registrations/group", board).then().statusCode(201);
        call(organizer(ADA), "GET", "/api/events/{e}/roll", board).statusCode(200)
                .body("registrations.size()", equalTo(3));

        // The audit trail names Ada and on whose behalf she acted; Erika (and Ada) may read it.
        call(organizer(ERIKA), "GET", "/api/events/{e}/audit", board).statusCode(200)
                .body("entries.find { it.action.startsWith('PATCH') }.actor", equalTo(ADA))
                .body("entries.find { it.action.startsWith('PATCH') }.onBehalfOf", equalTo(ERIKA))
                .body("entries.find { it.action.endsWith('/registrations') }.actor", equalTo(ADA))
                .body("entries.find { it.action.endsWith('/registrations') }.onBehalfOf", equalTo(ERIKA))
                .body("entries.find { it.action == 'POST /api/events' }.actor", equalTo(ERIKA))
                .body("entries.find { it.action == 'POST /api/events' }.status", equalTo(201));

        // A board member sees the meeting they were registered for, without who runs it; other attendees do not.
        call(Tokens.bearer("attendee", "bo.board@example.com"), "GET", "/api/events/{e}", board).statusCode(200)
                .body("access", nullValue());
        call(Tokens.bearer("attendee", "bo.board@example.com"), "GET", "/api/events/{e}/registrations/{r}", board,
                boardMember).statusCode(200).body("warnings", nullValue());
        call(Tokens.bearer("attendee", "zed@example.com"), "GET", "/api/events/{e}", board).statusCode(404);

        // Only the owner manages co-organizers; a delegate names no one; the colleague manages nothing.
        call(organizer(ADA), "PUT", "/api/events/{e}/co-organizers/{s}", board, CARL).statusCode(403);
        call(organizer(ADA), "PUT", "/api/events/{e}/delegates/{s}", board, "ed@example.com").statusCode(403);
        call(organizer(CARL), "PUT", "/api/events/{e}/delegates/{s}", townHall, "ed@example.com").statusCode(403);
        call(organizer(CARL), "PUT", "/api/events/{e}/co-organizers/{s}", board, CARL).statusCode(404);
        call(organizer(ERIKA), "PUT", "/api/events/{e}/co-organizers/{s}", board, "not-an-address").statusCode(400)
                .contentType("application/problem+json");
        call(organizer(ERIKA), "DELETE", "/api/events/{e}/co-organizers/{s}", board, ERIKA).statusCode(409);
        call(organizer(ERIKA), "PUT", "/api/events/{e}/co-organizers/{s}", board, ERIKA).statusCode(409);
        announcesAccess(board);
    }

    @Test
    void aCoOrganizerNamesTheirOwnDelegateAndRemovingThemRemovesTheDelegateToo() {
        UUID board = schedule("Strategy retreat", true);
        call(organizer(ERIKA), "PUT", "/api/events/{e}/co-organizers/{s}", board, CARL).statusCode(200)
                .body("coOrganizers", hasItem(CARL));
        call(organizer(CARL), "GET", "/api/events/{e}", board).statusCode(200);
        patch(organizer(CARL), board, Map.of("title", "Strategy retreat (moved)")).statusCode(200);
        call(organizer(CARL), "PUT", "/api/events/{e}/delegates/{s}", board, "dan.assistant@example.com")
                .statusCode(200).body("delegates.find { it.subject == 'dan.assistant@example.com' }.onBehalfOf",
                        equalTo(CARL));
        // Dan already acts for Carl: Erika cannot claim him too; Ada may not remove Carl's delegate.
        call(organizer(ERIKA), "PUT", "/api/events/{e}/delegates/{s}", board, "dan.assistant@example.com")
                .statusCode(409);
        call(organizer(ERIKA), "PUT", "/api/events/{e}/delegates/{s}", board, ADA).statusCode(200);
        call(organizer(ADA), "DELETE", "/api/events/{e}/delegates/{s}", board, "dan.assistant@example.com")
                .statusCode(403);
        call(organizer("dan.assistant@example.com"), "GET", "/api/events/{e}/audit", board).statusCode(200);

        call(organizer(ERIKA), "DELETE", "/api/events/{e}/co-organizers/{s}", board, CARL).statusCode(200)
                .body("coOrganizers.size()", equalTo(0)).body("delegates.subject", equalTo(List.of(ADA)));
        call(organizer(ERIKA), "DELETE", "/api/events/{e}/co-organizers/{s}", board, CARL).statusCode(200);
        call(organizer(CARL), "GET", "/api/events/{e}", board).statusCode(404);
        call(organizer("dan.assistant@example.com"), "GET", "/api/events/{e}", board).statusCode(404);

        // Erika ends Ada's delegation; the event is then Erika's alone again.
        call(organizer(ERIKA), "DELETE", "/api/events/{e}/delegates/{s}", board, ADA).statusCode(200)
                .body("delegates.size()", equalTo(0));
        call(organizer(ADA), "GET", "/api/events/{e}", board).statusCode(404);
        // Lifting confidentiality lets the colleague read it, still not change it.
        patch(organizer(ERIKA), board, Map.of("confidential", false)).statusCode(200)
                .body("confidential", equalTo(false));
        call(organizer(CARL), "GET", "/api/events/{e}/access", board).statusCode(200).body("owner", equalTo(ERIKA));
        patch(organizer(CARL), board, Map.of("capacity", 1)).statusCode(403);
    }

    /** event-scheduled carries the access it was created with; event-updated the access after each change. */
    private static void announcesAccess(UUID board) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> announcedAccess(board));
    }

    private static void announcedAccess(UUID board) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ConsumerRecord<String, String>> records = announced(board);
        JsonNode scheduled = json.readTree(records.stream().filter(r -> type(r).equals("registration.event-scheduled.v1"))
                .findFirst().orElseThrow().value()).path("access");
        assertThat(scheduled.path("organisation").asText()).isEqualTo("acme");
        assertThat(scheduled.path("owner").asText()).isEqualTo(ERIKA);
        assertThat(scheduled.path("confidential").asBoolean()).isTrue();
        assertThat(scheduled.path("delegates")).isEmpty();
        List<JsonNode> updates = records.stream().filter(r -> type(r).equals("registration.event-updated.v1"))
                .map(r -> {
                    try {
                        return json.readTree(r.value()).path("access");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        // Naming Ada announced her once (asking again announced nothing); every later update still carries her.
        assertThat(updates).isNotEmpty().allSatisfy(access -> {
            assertThat(access.path("owner").asText()).isEqualTo(ERIKA);
            assertThat(access.path("delegates").get(0).path("subject").asText()).isEqualTo(ADA);
            assertThat(access.path("delegates").get(0).path("onBehalfOf").asText()).isEqualTo(ERIKA);
        });
        assertThat(updates).hasSize(2);
    }
}
