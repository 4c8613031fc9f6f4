package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class QuestionsTest {

    private static ValidatableResponse ask(UUID eventId, Map<String, Object> question) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(question)
                .post("/api/events/{e}/questions", eventId).then();
    }

    private static ValidatableResponse register(UUID eventId, String email, Map<String, Object> answers) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "Q", "answers", answers)))
                .post("/api/events/{e}/registrations", eventId).then();
    }

    @Test
    void registrantsAnswerTheEventsQuestionsAndEveryBadAnswerIsNamed() {
        UUID eventId = Api.scheduleEvent("Gala dinner", 20);
        ask(eventId, Map.of("key", "menu", "label", "Menu", "kind", "CHOICE", "required", true,
                "choices", List.of("meat", "fish", "vegan"))).statusCode(201);
        ask(eventId, Map.of("key", "hotel", "label", "Need a hotel room?", "kind", "YES_NO", "required", false))
                .statusCode(201);
        ask(eventId, Map.of("key", "allergies", "label", "Allergies", "kind", "TEXT", "required", false))
                .statusCode(201);

        register(eventId, "ulla@example.com", Map.of("menu", "pizza", "hotel", "yes", "shoe-size", 42))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("attendee.answers.hotel", "attendee.answers.menu",
                        "attendee.answers.shoe-size"));
        register(eventId, "ulla@example.com", Map.of("hotel", true)).statusCode(400)
                .body("errors[0].field", equalTo("attendee.answers.menu"))
                .body("errors[0].message", equalTo("is required"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(0));

        register(eventId, "ulla@example.com", Map.of("menu", "vegan", "hotel", true, "allergies", "nuts"))
                .statusCode(201).body("attendee.answers.menu", equalTo("vegan"))
                .body("attendee.answers.hotel", equalTo(true));
        given().header("Authorization", Tokens.bearer("attendee", "ulla@example.com"))
                .get("/api/events/{e}/questions", eventId).then().body("key", contains("menu", "hotel", "allergies"));
        // The organizer finds the answers on the roll, as they were given.
        asOrganizer("GET", "/api/events/{e}/roll", eventId).body("registrations.attendee.email",
                contains("ulla@example.com")).body("registrations[0].attendee.answers", equalTo(Map.of("menu",
                "vegan", "hotel", true, "allergies", "nuts")));
    }

    private static ValidatableResponse change(String token, UUID eventId, String questionId, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .patch("/api/events/{e}/questions/{q}", eventId, questionId).then();
    }

    @Test
    void anOrganizerCorrectsAQuestionAndAnswersAlreadyGivenStayValid() {
        UUID eventId = Api.scheduleEvent("Summer party", 20);
        String menu = ask(eventId, Map.of("key", "menu", "label", "Menu", "kind", "CHOICE", "required", false,
                "choices", List.of("meat", "fish"))).statusCode(201).extract().path("id");
        String parking = ask(eventId, Map.of("key", "parking", "label", "Parking?", "kind", "YES_NO",
                "required", false)).statusCode(201).extract().path("id");
        register(eventId, "vera@example.com", Map.of("menu", "fish")).statusCode(201);

        // A vegan choice added, the label corrected, the menu now required: new registrants answer it, Vera's stays.
        change(Tokens.organizer(), eventId, menu, Map.of("label", "Main course", "required", true,
                "choices", List.of("vegan", "meat", "fish"))).statusCode(200).body("label", equalTo("Main course"))
                .body("required", equalTo(true)).body("choices", contains("vegan", "meat", "fish"))
                .body("key", equalTo("menu")).body("kind", equalTo("CHOICE"));
        register(eventId, "walt@example.com", Map.of()).statusCode(400)
                .body("errors[0].field", equalTo("attendee.answers.menu"));
        register(eventId, "walt@example.com", Map.of("menu", "vegan")).statusCode(201);
        asOrganizer("GET", "/api/events/{e}/roll", eventId).body("registrations.attendee.answers.menu",
                contains("fish", "vegan"));

        // A choice someone may have answered stays; key and kind stay what answers were given under.
        change(Tokens.organizer(), eventId, menu, Map.of("choices", List.of("vegan", "meat"))).statusCode(400)
                .body("errors[0].field", equalTo("choices"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("must keep \"fish\""));
        change(Tokens.organizer(), eventId, menu, Map.of("choices", List.of("vegan", "meat", "fish", "meat")))
                .statusCode(400).body("errors[0].field", equalTo("choices"));
        change(Tokens.organizer(), eventId, parking, Map.of("choices", List.of("yes", "no"))).statusCode(400)
                .body("errors[0].field", equalTo("choices"));
        change(Tokens.organizer(), eventId, menu, Map.of("kind", "TEXT")).statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        change(Tokens.organizer(), eventId, menu, Map.of("label", " ")).statusCode(400)
                .body("errors[0].field", equalTo("label"));
        change(Tokens.bearer("organizer", "colleague@example.com"), eventId, menu, Map.of("label", "X"))
                .statusCode(403);
        change(Tokens.bearer("organizer", "gus@globex.example", "globex"), eventId, menu, Map.of("label", "X"))
                .statusCode(404);
        change(Tokens.organizer(), Api.scheduleEvent("Elsewhere", 5), menu, Map.of("label", "X")).statusCode(404);
        asOrganizer("GET", "/api/events/{e}/questions/{q}", eventId, menu).body("label", equalTo("Main course"))
                .body("choices", contains("vegan", "meat", "fish"));
    }

    @Test
    void racingToAskTheSameQuestionAddsItOnceAndTheOthersGetAConflict() throws Exception {
        UUID eventId = Api.scheduleEvent("Racing questions", 5);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>>
                answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return ask(eventId, Map.of("key", "parking", "label", "Parking?", "kind", "YES_NO",
                        "required", false)).extract();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            var response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                org.assertj.core.api.Assertions.assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409);
        org.assertj.core.api.Assertions.assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/questions", eventId).then()
                .body("key", contains("parking"));
    }

    @Test
    void questionsThemselvesAreChecked() {
        UUID eventId = Api.scheduleEvent("Badly asked", 5);
        ask(eventId, Map.of("key", "menu", "label", "Menu", "kind", "CHOICE", "required", true)).statusCode(400)
                .body("errors[0].field", equalTo("choices"));
        ask(eventId, Map.of("key", "Bad Key!", "label", "x", "kind", "TEXT", "required", true)).statusCode(400)
                .body("errors[0].field", equalTo("key"));
        ask(eventId, Map.of("key", "size", "label", "Size", "kind", "NUMBER", "required", true)).statusCode(400);
        ask(eventId, Map.of("key", "note", "label", "Note", "kind", "TEXT", "required", false)).statusCode(201);
        ask(eventId, Map.of("key", "note", "label", "Note again", "kind", "TEXT", "required", false))
                .statusCode(409);
    }
    @Test
    void aQuestionAskedByMistakeIsRetiredAndTheAnswersGivenStay() {
        UUID eventId = Api.scheduleEvent("Board lunch", 20);
        String shoe = ask(eventId, Map.of("key", "shoes", "label", "Shoe size", "kind", "TEXT", "required", true))
                .statusCode(201).extract().path("id");
        ask(eventId, Map.of("key", "menu", "label", "Menu", "kind", "CHOICE", "required", false,
                "choices", List.of("meat", "fish"))).statusCode(201);
        String early = register(eventId, "early.bird@example.com", Map.of("shoes", "42", "menu", "fish"))
                .statusCode(201).extract().path("id");

        // Only the event's organizers retire it; once retired nobody is asked it, and the answer given stays.
        given().header("Authorization", Tokens.bearer("attendee", "early.bird@example.com"))
                .delete("/api/events/{e}/questions/{q}", eventId, shoe).then().statusCode(403);
        asOrganizer("DELETE", "/api/events/{e}/questions/{q}", eventId, shoe).statusCode(200)
                .body("key", equalTo("shoes")).body("retiredAt", org.hamcrest.Matchers.notNullValue());
        asOrganizer("DELETE", "/api/events/{e}/questions/{q}", eventId, shoe).statusCode(200)
                .body("retiredAt", org.hamcrest.Matchers.notNullValue());
        register(eventId, "late.bird@example.com", Map.of("menu", "meat")).statusCode(201)
                .body("attendee.answers", equalTo(Map.of("menu", "meat")));
        register(eventId, "later.bird@example.com", Map.of("shoes", "39")).statusCode(400)
                .body("errors[0].field", equalTo("attendee.answers.shoes"))
                .body("errors[0].message", equalTo("the event asks no such question"));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, early)
                .body("attendee.answers.shoes", equalTo("42"));
        // Still listed, so the answers can be read; its key stays taken; it no longer changes.
        asOrganizer("GET", "/api/events/{e}/questions", eventId).statusCode(200)
                .body("key", contains("shoes", "menu"))
                .body("find { it.key == 'shoes' }.retiredAt", org.hamcrest.Matchers.notNullValue())
                .body("find { it.key == 'menu' }.retiredAt", org.hamcrest.Matchers.nullValue());
        ask(eventId, Map.of("key", "shoes", "label", "Shoe size again", "kind", "TEXT", "required", false))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/question-exists"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("label", "Shoes")).patch("/api/events/{e}/questions/{q}", eventId, shoe).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/question-retired"));
        asOrganizer("DELETE", "/api/events/{e}/questions/{q}", Api.scheduleEvent("Other lunch", 5), shoe)
                .statusCode(404);
    }
}
