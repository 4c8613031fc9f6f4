package app.convene.registration;

import static app.convene.registration.Api.announced;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Next year's conference made from this year's: terms, sessions and questions moved to the new date. */
@QuarkusTest
class EventCopiesTest {
    private static final String OLIVIA = Tokens.organizer();
    private static final String OSCAR = Tokens.bearer("organizer", "oscar.organizer@example.com");

    private static ValidatableResponse post(String token, String path, Object body, Object... params) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(path, params)
                .then();
    }

    private static ValidatableResponse get(String token, String path, Object... params) {
        return given().header("Authorization", token).get(path, params).then();
    }

    @Test
    void anOrganizerCopiesThisYearsConferenceToNextYearWithItsSessionsAndQuestions() {
        Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>(Map.of("title", "Partner summit", "description", "Talks and labs",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(8)).toString(),
                "timeZone", "Europe/Stockholm", "capacity", 30, "language", "sv", "department", "Sales",
                "registrationClosesAt", start.minus(Duration.ofDays(2)).toString(),
                "cancellationDeadline", start.minus(Duration.ofDays(7)).toString()));
        String source = post(OLIVIA, "/api/events", body).statusCode(201).extract().path("id");
        String keynote = post(OLIVIA, "/api/events/{e}/sessions", Map.of("title", "Keynote", "startsAt",
                start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(), "capacity", 30, "speakers",
                List.of(Map.of("email", "kim.speaker@example.com", "name", "Kim Speaker"))), source).statusCode(201)
                .extract().path("id");
        String dropped = post(OLIVIA, "/api/events/{e}/sessions", Map.of("title", "Dropped lab", "startsAt",
                start.plus(Duration.ofHours(2)).toString(), "endsAt", start.plus(Duration.ofHours(3)).toString(),
                "capacity", 10), source).statusCode(201).extract().path("id");
        post(OLIVIA, "/api/events/{e}/sessions/{s}/cancel", Map.of(), source, dropped).statusCode(200);
        post(OLIVIA, "/api/events/{e}/questions", Map.of("key", "menu", "label", "Menu", "kind", "CHOICE",
                "required", true, "choices", List.of("meat", "fish")), source).statusCode(201);
        String shoes = post(OLIVIA, "/api/events/{e}/questions", Map.of("key", "shoes", "label", "Shoe size",
                "kind", "TEXT", "required", false), source).statusCode(201).extract().path("id");
        given().header("Authorization", OLIVIA).delete("/api/events/{e}/questions/{q}", source, shoes).then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("attendee", "ada.copy@example.com"))
                .contentType(ContentType.JSON).body(Map.of("attendee", Map.of("email", "ada.copy@example.com",
                        "name", "Ada", "answers", Map.of("menu", "fish"))))
                .post("/api/events/{e}/registrations", source).then().statusCode(201);

        // Oscar, a colleague who sees the event, makes next year's from it.
        Instant next = start.plus(Duration.ofDays(364));
        var copied = post(OSCAR, "/api/events/{e}/copy", Map.of("startsAt", next.toString(),
                "title", "Partner summit 2028"), source).statusCode(201).extract();
        String copy = copied.path("id");
        assertThat(copied.header("Location")).endsWith("/api/events/" + copy);
        get(OSCAR, "/api/events/{e}", copy).statusCode(200).body("title", equalTo("Partner summit 2028"))
                .body("status", equalTo("DRAFT")).body("description", equalTo("Talks and labs"))
                .body("startsAt", equalTo(next.toString()))
                .body("endsAt", equalTo(next.plus(Duration.ofHours(8)).toString()))
                .body("registrationClosesAt", equalTo(next.minus(Duration.ofDays(2)).toString()))
                .body("cancellationDeadline", equalTo(next.minus(Duration.ofDays(7)).toString()))
                .body("capacity", equalTo(30)).body("language", equalTo("sv")).body("department", equalTo("Sales"))
                .body("confirmed", equalTo(0)).body("access.owner", equalTo("oscar.organizer@example.com"));
        get(OSCAR, "/api/events/{e}/sessions", copy).statusCode(200).body("title", equalTo(List.of("Keynote")))
                .body("[0].startsAt", equalTo(next.toString()))
                .body("[0].speakers[0].email", equalTo("kim.speaker@example.com"))
                .body("[0].id", org.hamcrest.Matchers.not(equalTo(keynote)));
        get(OSCAR, "/api/events/{e}/questions", copy).statusCode(200).body("key", equalTo(List.of("menu")))
                .body("[0].required", equalTo(true)).body("[0].choices", equalTo(List.of("meat", "fish")));
        // The original is as it was, and the copy was announced as a new event.
        get(OLIVIA, "/api/events/{e}", source).body("title", equalTo("Partner summit"))
                .body("startsAt", equalTo(start.toString()));
        assertThat(announced(UUID.fromString(copy), "registration.event-scheduled.v1", 1)).hasSize(1);
        // Published when asked.
        post(OSCAR, "/api/events/{e}/copy", Map.of("startsAt", next.plus(Duration.ofDays(7)).toString(),
                "status", "PUBLISHED"), source).statusCode(201).body("status", equalTo("PUBLISHED"))
                .body("title", equalTo("Partner summit"));
    }

    @Test
    void aCopyThatBreaksARuleIsNamedAndOnlyThoseWhoSeeTheEventCopyIt() {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        String source = post(OLIVIA, "/api/events", Map.of("title", "Board day", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(4)).toString(), "timeZone", "Europe/Amsterdam",
                "capacity", 8, "confidential", true)).statusCode(201).extract().path("id");
        String later = start.plus(Duration.ofDays(30)).toString();
        post(OLIVIA, "/api/events/{e}/copy", Map.of("title", "No date"), source).statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        post(OLIVIA, "/api/events/{e}/copy", Map.of("startsAt", later, "status", "CANCELLED"), source)
                .statusCode(400).body("errors[0].field", equalTo("status"));
        post(OLIVIA, "/api/events/{e}/copy", Map.of("startsAt", "2300-01-01T00:00:00Z"), source).statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        post(OLIVIA, "/api/events/{e}/copy", Map.of("startsAt", later, "venue", "x"), source).statusCode(400)
                .body("errors[0].field", equalTo("venue"));
        // A confidential event is copied only by those who see it; an attendee copies nothing.
        post(OSCAR, "/api/events/{e}/copy", Map.of("startsAt", later), source).statusCode(404);
        post(Tokens.bearer("organizer", "olivia.organizer@example.com", "globex"), "/api/events/{e}/copy",
                Map.of("startsAt", later), source).statusCode(404);
        post(Tokens.bearer("attendee", "ada@example.com"), "/api/events/{e}/copy", Map.of("startsAt", later), source)
                .statusCode(403);
        // Its owner's copy stays confidential.
        String copy = post(OLIVIA, "/api/events/{e}/copy", Map.of("startsAt", later), source).statusCode(201)
                .extract().path("id");
        get(OSCAR, "/api/events/{e}", copy).statusCode(404);
        get(OLIVIA, "/api/events/{e}", copy).statusCode(200).body("access.confidential", equalTo(true));
    }
}
