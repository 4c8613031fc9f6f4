package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SessionsAndConflictsTest {
    private final Instant start = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);

    private UUID event(String title) {
        return UUID.fromString(Api.postEvent(eventBody(title, 10, Duration.ZERO, Map.of("startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(8)).toString()))).statusCode(201).extract().path("id"));
    }

    private ValidatableResponse addSession(UUID eventId, String title, int fromMinute, int toMinute, int capacity,
            String speaker) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title,
                "startsAt", start.plus(Duration.ofMinutes(fromMinute)).toString(),
                "endsAt", start.plus(Duration.ofMinutes(toMinute)).toString(), "capacity", capacity));
        if (speaker != null) {
            body.put("speakers", List.of(Map.of("email", speaker, "name", "Sam Speaker")));
        }
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/events/{e}/sessions", eventId).then();
    }

    private static ValidatableResponse register(UUID eventId, String email, String... sessionIds) {
        return register(Tokens.bearer("attendee", email), eventId, email, sessionIds);
    }

    private static ValidatableResponse register(String token, UUID eventId, String email, String... sessionIds) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", email), "sessionIds", List.of(sessionIds)))
                .post("/api/events/{e}/registrations", eventId).then();
    }

    @Test
    void sessionSeatsAreHeldByConfirmedAttendeesAndFreedOnCancellation() {
        UUID eventId = event("Developer day");
        String keynote = addSession(eventId, "Keynote", 0, 60, 1, null).statusCode(201).extract().path("id");
        String lab = addSession(eventId, "Lab", 120, 180, 5, null).statusCode(201).extract().path("id");

        String first = register(eventId, "s1@example.com", keynote, lab).statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("sessions.status", org.hamcrest.Matchers.everyItem(equalTo("SEATED"))).extract().path("id");
        register(eventId, "s2@example.com", keynote).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-full"))
                .body("detail", org.hamcrest.Matchers.containsString("Keynote"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1));

        Api.cancel(eventId, first, "s1@example.com").statusCode(200);
        asOrganizer("GET", "/api/events/{e}/sessions", eventId).body("find { it.title == 'Keynote' }.seatsLeft",
                equalTo(1));
        register(eventId, "s2@example.com", keynote).statusCode(201).body("sessions[0].status", equalTo("SEATED"));
    }

    @Test
    void sessionsMustLieWithinTheEventAndChoicesMustBeItsOwn() {
        UUID eventId = event("Bounded");
        addSession(eventId, "Too late", 9 * 60, 10 * 60, 5, null).statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        String foreign = addSession(event("Other"), "Elsewhere", 0, 30, 5, null).extract().path("id");
        register(eventId, "s3@example.com", foreign).statusCode(400)
                .body("errors[0].field", equalTo("sessionIds[0]"));
    }

    @Test
    void peopleExpectedInTwoPlacesAtOnceAreReported() {
        UUID summit = event("Summit");
        UUID clash = event("Clashing workshop");
        String talk = addSession(summit, "Talk", 0, 60, 50, "sam@example.com").extract().path("id");
        String panel = addSession(summit, "Panel", 30, 90, 50, "sam@example.com").extract().path("id");
        addSession(clash, "Workshop", 15, 45, 50, "sam@example.com").statusCode(201);

        register(clash, "tova@example.com").statusCode(201);
        // The same people in another organisation's events at the same time are none of acme's business.
        String globex = Tokens.bearer("organizer", "gus@globex.example", "globex");
        UUID elsewhere = UUID.fromString(given().header("Authorization", globex).contentType(ContentType.JSON)
                .body(eventBody("Globex retreat", 10, Duration.ZERO, Map.of("startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(8)).toString())))
                .post("/api/events").then().statusCode(201).extract().path("id"));
        Map<String, Object> globexSession = Map.of("title", "Globex talk", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofMinutes(60)).toString(), "capacity", 5,
                "speakers", List.of(Map.of("email", "sam@example.com", "name", "Sam Speaker")));
        given().header("Authorization", globex).contentType(ContentType.JSON).body(globexSession)
                .post("/api/events/{e}/sessions", elsewhere).then().statusCode(201);
        register(globex, elsewhere, "tova@example.com").statusCode(201);

        // Warnings are for organizers: an attendee's own answer has none.
        register(summit, "uma@example.com", talk, panel).statusCode(201).body("warnings", nullValue());
        Map<String, Object> answer = register(Tokens.organizer(), summit, "tova@example.com", talk, panel)
                .statusCode(201).extract().path("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) answer.get("warnings");
        assertThat(warnings).extracting(w -> w.get("kind"))
                .containsExactly("ATTENDEE_IN_OVERLAPPING_EVENTS", "ATTENDEE_IN_OVERLAPPING_SESSIONS");
        // The answer's clashes are read before the registration is placed (not under the event's lock), its sessions
        // are the ones just chosen: both as the registration shows them once it exists, and without globex's event.
        Map<String, Object> shown = asOrganizer("GET", "/api/events/{e}/registrations/{r}", summit, answer.get("id"))
                .statusCode(200).extract().path("");
        assertThat(answer.get("warnings")).isEqualTo(shown.get("warnings"));
        assertThat(answer.get("sessions")).isEqualTo(shown.get("sessions"));
        assertThat(warnings.get(0)).extracting(w -> ((Map<?, ?>) w.get("elsewhere")).get("eventId"))
                .isEqualTo(clash.toString());
        assertThat(warnings.get(1)).extracting(w -> ((Map<?, ?>) w.get("here")).get("title"),
                w -> ((Map<?, ?>) w.get("elsewhere")).get("title")).containsExactly("Talk", "Panel");

        asOrganizer("GET", "/api/events/{e}/conflicts", summit).statusCode(200)
                .body("kind", hasItem("SPEAKER_IN_OVERLAPPING_SESSIONS"))
                .body("findAll { it.kind == 'SPEAKER_IN_OVERLAPPING_SESSIONS' }.elsewhere.title",
                        org.hamcrest.Matchers.hasItems("Panel", "Workshop"))
                .body("find { it.kind == 'ATTENDEE_IN_OVERLAPPING_EVENTS' }.elsewhere.eventId",
                        equalTo(clash.toString()))
                .body("elsewhere.eventId", org.hamcrest.Matchers.not(hasItem(elsewhere.toString())))
                .body("elsewhere.title", org.hamcrest.Matchers.not(hasItem("Globex talk")));
        // Conflicts show who is where: for the event's owner, co-organizers and delegates only.
        given().header("Authorization", Tokens.bearer("organizer", "colleague@example.com"))
                .get("/api/events/{e}/conflicts", summit).then().statusCode(403);
        given().header("Authorization", globex).get("/api/events/{e}/conflicts", summit).then().statusCode(404);
    }
}
