package app.convene.backbone.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.sample.MemoResource;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Whatever is wrong with a request, the client gets an RFC 9457 problem+json naming what to fix, never a 500 and
 * never an empty body: the backbone's mappers, filters and strict JSON reading, as every service has them.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class ProblemAnswersTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://convene.app/problems/";

    @Inject
    ObjectMapper json;

    private static ValidatableResponse post(String body) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/memos").then();
    }

    private static ValidatableResponse invalidField(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/memos"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(field));
    }

    @Test
    void anUnknownPropertyIsNamedWhereverItIs() {
        invalidField(post("{\"text\":\"Hello\",\"colour\":\"red\"}"), "colour")
                .body("errors[0].message", equalTo("unknown property"));
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"room\":\"A\",\"floor\":3}}"), "placement.floor")
                .body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedNotCoerced() {
        invalidField(post("{\"text\":\"Hello\",\"copies\":\"three\"}"), "copies");
        invalidField(post("{\"text\":\"Hello\",\"copies\":\"3\"}"), "copies");
        invalidField(post("{\"text\":\"Hello\",\"copies\":2.5}"), "copies");
        invalidField(post("{\"text\":42}"), "text").body("errors[0].message", equalTo("expected a string"));
        invalidField(post("{\"text\":true}"), "text").body("errors[0].message", equalTo("expected a string"));
        invalidField(post("{\"text\":\"Hello\",\"remindAt\":1799571600}"), "remindAt")
                .body("errors[0].message", containsString("ISO-8601 instant"));
        invalidField(post("{\"text\":\"Hello\",\"remindAt\":\"next tuesday\"}"), "remindAt");
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"seats\":[{\"number\":1},{\"number\":\"x\"}]}}"),
                "placement.seats[1].number");
        invalidField(post("{\"text\":\"Hello\",\"placement\":[]}"), "placement")
                .body("errors[0].message", equalTo("expected an object"));
        // What was expected is said in JSON's words, not as the Java type behind the field.
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"seats\":{}}}"), "placement.seats")
                .body("errors[0].message", equalTo("expected a list"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body("[]")
                .post("/api/memos").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("the body is not valid JSON: expected an object"));
    }

    /**
     * {@code java.time} reads years of up to nine digits; PostgreSQL stores timestamps up to the year 294276. Every
     * instant and date the API reads is held to RFC 3339's four-digit years, so such a value is a 400 naming its field
     * and never a failure at the database.
     */
    @Test
    void anInstantOrDateBeyondFourDigitYearsIsNamedBeforeItReachesTheDatabase() {
        for (String far : new String[] { "+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "-000001-12-31T23:59:59Z", "+1000000000-12-31T23:59:59.999999999Z" }) {
            invalidField(post("{\"text\":\"Hello\",\"remindAt\":\"" + far + "\"}"), "remindAt")
                    .body("errors[0].message", equalTo(Rfc3339.RULE));
        }
        for (String edge : new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z" }) {
            post("{\"text\":\"Hello\",\"remindAt\":\"" + edge + "\"}").statusCode(201);
        }
        // Instants and dates read from text elsewhere (a query, a file's rows, a path, a cursor) follow the same rule.
        assertThat(Rfc3339.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(Rfc3339.instant("0000-01-01T00:00:00Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> Rfc3339.date("+10000-01-01")).isInstanceOf(DateTimeParseException.class)
                .hasMessage(Rfc3339.RULE);
        assertThatThrownBy(() -> Rfc3339.date("2027-02-30")).isInstanceOf(DateTimeParseException.class);
    }

    /**
     * PostgreSQL keeps microseconds and rounds what is finer: a request's instant is cut to microseconds as it is read,
     * so what the answer shows is what is stored and read back.
     */
    @Test
    void aRequestsInstantIsKeptToMicrosecondsAsTheDatabaseKeepsIt() throws Exception {
        MemoResource.MemoRequest request = json.readValue("{\"text\":\"Hello\",\"remindAt\":"
                + "\"2027-01-16T18:00:00.123456789Z\"}", MemoResource.MemoRequest.class);
        assertThat(request.remindAt()).isEqualTo(Instant.parse("2027-01-16T18:00:00.123456Z"));
        assertThat(json.readValue("{\"text\":\"Hello\",\"remindAt\":\"2027-01-16T18:00:00.5Z\"}",
                MemoResource.MemoRequest.class).remindAt()).isEqualTo(Instant.parse("2027-01-16T18:00:00.5Z"));
    }

    /**
     * A field given twice is refused, not read as its last value: a gateway or another reader in front of the service
     * may take the first, and the two would disagree on what was asked.
     */
    @Test
    void aFieldGivenTwiceIsNamedNotReadAsItsLastValue() {
        String twice = "must be given once; give each field once";
        invalidField(post("{\"text\":\"Hello\",\"text\":\"Goodbye\"}"), "text")
                .body("errors[0].message", equalTo(twice));
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"room\":\"A\",\"room\":\"B\"}}"),
                "placement.room").body("errors[0].message", equalTo(twice));
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"seats\":[{\"number\":1},"
                + "{\"number\":2,\"number\":3}]}}"), "placement.seats[1].number")
                .body("errors[0].message", equalTo(twice));
        // The same name in two objects is two fields.
        post("{\"text\":\"Hello\",\"placement\":{\"seats\":[{\"number\":1},{\"number\":2}]}}").statusCode(201);
    }

    /** As with a field: a query parameter, or a header of one value, given twice is refused and named. */
    @Test
    void aQueryParameterOrSingleValuedHeaderGivenTwiceIsNamed() {
        String id = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body("{\"text\":\"Hello\"}").post("/api/memos").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.organizer()).queryParam("answer", "a")
                .get("/api/memos/{id}/status-as-asked", id).then().statusCode(200);
        given().header("Authorization", Tokens.organizer()).queryParam("answer", "a", "b")
                .get("/api/memos/{id}/status-as-asked", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("answer")).body("errors[0].message", equalTo("must be given once"));
        String[][] twice = { { "Idempotency-Key", "first", "second" },
                { "Authorization", Tokens.organizer(), Tokens.bearer("organizer", "someone.else@example.com") } };
        for (String[] header : twice) {
            io.restassured.specification.RequestSpecification request = given().body("{\"text\":\"Twice\"}")
                    .contentType(ContentType.JSON);
            if (!header[0].equals("Authorization")) {
                request.header("Authorization", Tokens.organizer());
            }
            request.header(header[0], header[1]).header(header[0], header[2]).post("/api/memos").then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(header[0]))
                    .body("errors[0].message", equalTo("must be given once"));
        }
    }

    @Test
    void aBrokenRuleIsNamedByItsFieldNotByTheJavaMethod() {
        invalidField(post("{\"text\":\" \"}"), "text");
        invalidField(post("{\"text\":\"Hello\",\"copies\":-1}"), "copies");
        invalidField(post("{\"text\":\"" + "x".repeat(201) + "\"}"), "text");
        post("{\"copies\":-1}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("copies", "text"));
    }

    @Test
    void aBrokenRuleInsideAListIsNamedByTheElementsPosition() {
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"seats\":[{\"number\":1},null]}}"),
                "placement.seats[1]");
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"seats\":[{\"number\":1},{}]}}"),
                "placement.seats[1].number");
    }

    @Test
    void anEmptyNullMalformedOrTrailingBodyIsABadRequest() {
        invalidField(post(""), "body");
        invalidField(post("null"), "body");
        post("{\"text\": ").statusCode(400).contentType(PROBLEM).body("type", equalTo(TYPES + "malformed-json"))
                .body("errors", nullValue());
        post("{\"text\":\"Hello\"} {\"text\":\"again\"}").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-json"));
    }

    @Test
    void aControlCharacterIsRefusedBeforeItReachesTheDatabase() {
        invalidField(post("{\"text\":\"Kick\\u0000off\"}"), "text")
                .body("errors[0].message", containsString("NUL"));
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"room\":\"A\\u0000\"}}"), "placement.room");
        invalidField(post("{\"text\":\"Red \\u001b[31malert\"}"), "text")
                .body("errors[0].message", containsString("U+001B"));
        invalidField(post("{\"text\":\"Bell\\u0007\"}"), "text");
        invalidField(post("{\"text\":\"Next\\u0085line\"}"), "text");
        invalidField(post("{\"text\":\"Delete\\u007f\"}"), "text");
        // Half of a surrogate pair has no UTF-8 form: the database would keep a '?' in its place.
        invalidField(post("{\"text\":\"A\\ud800B\"}"), "text")
                .body("errors[0].message", equalTo("must be Unicode text: U+D800 is half of a character"));
        invalidField(post("{\"text\":\"Hello\",\"placement\":{\"room\":\"\\udc00\\ud83d\"}}"),
                "placement.room");
        post("{\"text\":\"Kick-off \\ud83c\\udf89\"}").statusCode(201);
        given().urlEncodingEnabled(false).header("Authorization", Tokens.organizer()).get("/api/memos/%00").then()
                .statusCode(400).contentType(PROBLEM).body("type", equalTo(TYPES + "bad-request"))
                .body("detail", containsString("control characters"));
        given().urlEncodingEnabled(false).header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body("{\"text\":\"Hello\"}").post("/api/memos?holdMillis=%00").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("holdMillis"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        String padding = "x".repeat(1024 * 1024 + 1);
        // Asked first, as curl does for a large body: the answer comes before any of the body is sent.
        given().header("Authorization", Tokens.organizer()).header("Expect", "100-continue")
                .contentType(ContentType.JSON).body("{\"text\":\"" + padding + "\"}").post("/api/memos").then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("at most 1048576"));
    }

    @Test
    void aMalformedOrUnsatisfiableAcceptHeaderIsAClientError() {
        given().header("Authorization", Tokens.organizer()).header("Accept", "a/b/c;;q=x")
                .contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").post("/api/memos").then()
                .statusCode(406).contentType(PROBLEM).body("type", equalTo(TYPES + "not-acceptable"));
        given().header("Authorization", Tokens.organizer()).accept("text/csv")
                .get("/api/memos/{id}", UUID.randomUUID()).then()
                .statusCode(406).contentType(PROBLEM).body("type", equalTo(TYPES + "not-acceptable"));
    }

    @Test
    void theFrameworksOwnRefusalsAreProblemsToo() {
        given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").post("/api/memos").then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(TYPES + "unauthorized"));
        given().header("Authorization", Tokens.bearer("organizer", "nobody@example.com", null))
                .get("/api/memos/{id}", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", Tokens.bearer("attendee", "anna@example.com"))
                .contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").post("/api/memos").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo(TYPES + "forbidden"));
        given().header("Authorization", Tokens.organizer()).get("/api/memos/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString("does not exist"));
        given().header("Authorization", Tokens.organizer()).get("/api/memos/not-a-uuid").then()
                .statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).get("/api/nothing-here").then()
                .statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).delete("/api/memos").then()
                .statusCode(405).contentType(PROBLEM).body("type", equalTo(TYPES + "method-not-allowed"));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.XML).body("<memo/>")
                .post("/api/memos").then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "unsupported-media-type"));
    }

    @Test
    void aQueryParameterNotInItsFormIsNamedNotTakenForAMissingResource() {
        for (String value : new String[] { "abc", "1.5", "99999999999999999999" }) {
            given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                    .body("{\"text\":\"Hello\"}").queryParam("holdMillis", value).post("/api/memos").then()
                    .statusCode(400).contentType(PROBLEM).body("type", equalTo(TYPES + "validation"))
                    .body("errors", hasSize(1)).body("errors[0].field", equalTo("holdMillis"))
                    .body("errors[0].message", containsString("must be a whole number"));
        }
        UUID event = UUID.randomUUID();
        given().header("Authorization", Tokens.organizer()).queryParam("limit", "ten")
                .get("/api/events/{id}/audit", event).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"))
                .body("detail", equalTo("limit: must be a whole number from -2147483648 to 2147483647"));
        given().header("Authorization", Tokens.organizer()).queryParam("before", "yesterday")
                .get("/api/events/{id}/audit", event).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("before"));
        // In its form, the same parameters reach the operation: an event nobody may see is a 404.
        given().header("Authorization", Tokens.organizer()).queryParam("limit", " 10 ").queryParam("before", "")
                .get("/api/events/{id}/audit", event).then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body("{\"text\":\"Hello\"}").queryParam("holdMillis", "0").post("/api/memos").then()
                .statusCode(201);
    }

    @Test
    void aMethodNotAllowedSaysWhichAre() {
        given().header("Authorization", Tokens.organizer()).delete("/api/memos").then()
                .statusCode(405).contentType(PROBLEM).header("Allow", equalTo("OPTIONS, POST"));
        given().header("Authorization", Tokens.organizer()).delete("/api/memos/{id}", UUID.randomUUID()).then()
                .statusCode(405).contentType(PROBLEM).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        // OPTIONS names the same methods (the framework's own answer named every method of the class).
        given().options("/api/memos").then().statusCode(200).header("Allow", equalTo("OPTIONS, POST"));
        given().options("/api/memos/{id}", UUID.randomUUID()).then().statusCode(200)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().options("/api/no-such-thing").then().statusCode(404);
    }

    @Test
    void aRuleTheDatabaseEnforcesIsAConflictOrAnUnprocessableRequest() {
        String slug = "slug-" + UUID.randomUUID();
        post("{\"text\":\"First\",\"slug\":\"" + slug + "\"}").statusCode(201);
        post("{\"text\":\"Second\",\"slug\":\"" + slug + "\"}").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "conflict"))
                .body("detail", containsString("memo_slug_unique"));
        post("{\"text\":\"Many\",\"copies\":5000}").statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "constraint-violated"))
                .body("detail", containsString("memo_copies_at_most_1000"));
    }
}
