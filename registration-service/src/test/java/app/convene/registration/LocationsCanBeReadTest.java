package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A front end that adds a session, a question or an agenda item follows the 201's Location, as HTTP says it may, and
 * reads what it made: the same as the 201 answered. Others see it as they see the list it is in.
 */
@QuarkusTest
class LocationsCanBeReadTest {
    private static final String OUTSIDER = Tokens.bearer("organizer", "olivia.organizer@example.com", "globex");
    private static final String ATTENDEE = Tokens.bearer("attendee", "ali.attendee@example.com");

    private static ExtractableResponse<Response> created(String path, Map<String, Object> body, Object... params) {
        return given().header("Authorization", Tokens.organizer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(path, params).then().statusCode(201).extract();
    }

    private static void readsTheSame(ExtractableResponse<Response> created) {
        String location = created.header("Location");
        assertThat(location).isNotBlank();
        Map<String, Object> read = given().header("Authorization", Tokens.organizer()).get(location).then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertThat(read).isEqualTo(created.jsonPath().getMap("$"));
        given().header("Authorization", OUTSIDER).get(location).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSessionsAQuestionsAndAnAgendaItemsLocationAnswersWhatWasMade() {
        UUID eventId = Api.scheduleEvent("Partner day", 40);
        Instant start = Instant.parse(given().header("Authorization", Tokens.organizer())
                .get("/api/events/{e}", eventId).then().statusCode(200).extract().path("startsAt"));

        ExtractableResponse<Response> session = created("/api/events/{e}/sessions", Map.of("title", "Keynote",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(), "capacity", 30),
                eventId);
        readsTheSame(session);
        given().header("Authorization", ATTENDEE).get(session.header("Location")).then().statusCode(200);

        ExtractableResponse<Response> question = created("/api/events/{e}/questions", Map.of("key", "diet",
                "label", "Dietary needs", "kind", "TEXT", "required", false), eventId);
        readsTheSame(question);

        ExtractableResponse<Response> item = created("/api/events/{e}/agenda/items", Map.of("title", "Welcome",
                "kind", "INFORMATION"), eventId);
        readsTheSame(item);
        // Attendees see an item once the agenda is published, as they see the agenda.
        given().header("Authorization", ATTENDEE).get(item.header("Location")).then().statusCode(404);
        given().header("Authorization", Tokens.organizer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/events/{e}/agenda/publish", eventId).then().statusCode(200);
        given().header("Authorization", ATTENDEE).get(item.header("Location")).then().statusCode(200);

        // Another event's id with this one's objects: not found.
        UUID other = Api.scheduleEvent("Other day", 10);
        for (String location : List.of(session.header("Location"), question.header("Location"),
                item.header("Location"))) {
            given().header("Authorization", Tokens.organizer()).get(location.replace(eventId.toString(),
                    other.toString())).then().statusCode(404);
        }
    }
}
