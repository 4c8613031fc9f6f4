package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input of every kind gets a 4xx problem+json naming the field and the rule; nothing is half written. */
@QuarkusTest
class ProblemDetailsTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = """
            {"title":"Kick-off","startsAt":"2027-01-10T09:00:00Z","endsAt":"2027-01-10T17:00:00Z",
             "timeZone":"Europe/Amsterdam","capacity":%s}""";

    private static ValidatableResponse postEvent(String body) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/events").then();
    }

    @Test
    void missingAndInvalidFieldsAreEachNamed() {
        postEvent("{\"title\":\"\",\"capacity\":-1}").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://convene.app/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("capacity"))
                .body("errors.field", hasItem("startsAt")).body("errors.field", hasItem("timeZone"));
    }

    @Test
    void anEventMustEndAfterItStartsAndUseARealTimeZone() {
        postEvent(VALID.formatted("10").replace("2027-01-10T17:00:00Z", "2027-01-10T08:00:00Z")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("endsAt"));
        postEvent(VALID.formatted("10").replace("Europe/Amsterdam", "Mars/Olympus")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void unknownPropertiesAreRejected() {
        postEvent(VALID.formatted("10").replace("\"capacity\"", "\"colour\":\"red\",\"capacity\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void numbersAreNotQuietlyCoerced() {
        postEvent(VALID.formatted("12.5")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("capacity"));
        postEvent(VALID.formatted("\"12\"")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("capacity"));
        postEvent(VALID.formatted("10").replace("\"Kick-off\"", "42")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void malformedOrTrailingJsonAndEmptyBodiesAreClientErrors() {
        postEvent("{\"title\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://convene.app/problems/malformed-json"));
        postEvent(VALID.formatted("10") + " {}").statusCode(400).contentType(PROBLEM);
        postEvent("").statusCode(400).contentType(PROBLEM);
        postEvent("null").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void textThePostgresColumnCannotHoldIsRefusedUpFront() {
        postEvent(VALID.formatted("10").replace("Kick-off", "x".repeat(201))).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
        postEvent(VALID.formatted("10").replace("Kick-off", "Kick\\u0000off")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void titlesAndNamesAreOneLineWithoutControlCharacters() {
        postEvent(VALID.formatted("10").replace("Kick-off", "Kick\\u001b[2Joff")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("control characters"));
        postEvent(VALID.formatted("10").replace("Kick-off", "Kick\\r\\nSet-Cookie: x")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("one line"));
        given().header("Authorization", Tokens.bearer("attendee", "nl@example.com")).contentType(ContentType.JSON)
                .body("{\"attendee\":{\"email\":\"nl@example.com\",\"name\":\"Ann\\nFake Row\"}}")
                .post("/api/events/{e}/registrations", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("attendee.name"));
    }

    @Test
    void theFrameworksOwnRefusalsArePromblemsToo() {
        given().contentType(ContentType.JSON).body(VALID.formatted("10")).post("/api/events").then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", Tokens.bearer("attendee", "a@example.com")).contentType(ContentType.JSON)
                .body(VALID.formatted("10")).post("/api/events").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString("does not exist"));
        given().header("Authorization", Tokens.organizer()).get("/api/events/not-a-uuid").then()
                .statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).get("/api/nothing-here").then()
                .statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).delete("/api/events").then()
                .statusCode(405).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.XML).body("<event/>")
                .post("/api/events").then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).accept("text/csv").contentType(ContentType.JSON)
                .body(VALID.formatted("10")).post("/api/events").then().statusCode(406).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).header("Accept", "a/b/c;;q=x").contentType(ContentType.JSON)
                .body(VALID.formatted("10")).post("/api/events").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(406)))
                .contentType(PROBLEM);
    }

    @Test
    void anInstantIsIsoTextNeverANumber() {
        postEvent(VALID.formatted("10").replace("\"capacity\"", "\"registrationOpensAt\":12345,\"capacity\""))
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("registrationOpensAt"))
                .body("errors[0].message", containsString("ISO-8601 instant"));
        postEvent(VALID.formatted("10").replace("\"2027-01-10T09:00:00Z\"", "1799571600")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("startsAt"));
        postEvent(VALID.formatted("10").replace("\"capacity\"",
                "\"registrationOpensAt\":\"2027-01-01T09:00:00Z\",\"capacity\"")).statusCode(201);
    }

    @Test
    void aBodyOverTheSizeLimitIsA413Problem() {
        // A client sending a large body asks first (as curl does); the answer comes before the body is sent, so it
        // never meets a connection the server has already closed.
        String padding = "x".repeat(2 * 1024 * 1024);
        given().header("Authorization", Tokens.organizer()).header("Expect", "100-continue")
                .contentType(ContentType.JSON)
                .body(VALID.formatted("10").replace("Kick-off", padding)).post("/api/events").then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://convene.app/problems/payload-too-large"))
                .body("status", equalTo(413)).body("detail", containsString("at most 1048576"));
    }

    @Test
    void aNulInThePathOrQueryIsABadRequest() {
        given().urlEncodingEnabled(false).header("Authorization", Tokens.organizer()).get("/api/events/%00").then()
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/bad-request"));
        given().urlEncodingEnabled(false).header("Authorization", Tokens.organizer())
                .get("/api/events?from=%00").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentListsTheProblemAnswers() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3.1"))
                .body("paths.'/api/events'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        containsString("Problem"))
                .body("paths.'/api/events/{eventId}/registrations'.post.responses.'409'.description",
                        containsString("Already registered"))
                .body("paths.'/api/events'.post.responses.'401'.description", containsString("token"))
                // the answers every operation gives alike are described once and referred to
                .body("paths.'/api/events'.post.responses.'413'.$ref",
                        equalTo("#/components/responses/PayloadTooLarge"))
                .body("components.responses.PayloadTooLarge.content.'application/problem+json'.schema.$ref",
                        containsString("Problem"))
                .body("paths.'/api/events/{eventId}'.get.responses.'503'.$ref",
                        equalTo("#/components/responses/ServiceUnavailable"))
                .body("components.responses.ServiceUnavailable.description", containsString("database is unavailable"))
                .body("paths.'/api/events'.post.responses.'401'.content.'application/problem+json'.schema.$ref",
                        containsString("Problem"));
    }
}
