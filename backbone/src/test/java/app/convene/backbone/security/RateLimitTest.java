package app.convene.backbone.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A burst of writes by one caller, then by one organisation, is cut off with a 429 and Retry-After; another
 * organisation is not affected. Limits here: 3 writes per caller and 5 per organisation per minute.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("backbone.rate-limit.enabled", "true");
            overrides.put("backbone.rate-limit.period", "PT1M");
            overrides.put("backbone.rate-limit.caller-writes", "3");
            overrides.put("backbone.rate-limit.organisation-writes", "5");
            return overrides;
        }
    }

    /** A memo written with {@code token} (a change: its own Idempotency-Key each time). */
    static ValidatableResponse write(String token) {
        return given().header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").post("/api/memos").then();
    }

    @Test
    void aBurstIsCutOffPerCallerThenPerOrganisationAndAnotherOrganisationIsUnaffected() {
        String olivia = Tokens.bearer("organizer", "olivia@initech.example", "initech");
        for (int i = 0; i < 3; i++) {
            write(olivia).statusCode(201);
        }
        write(olivia).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://convene.app/problems/too-many-requests"))
                .body("status", equalTo(429)).body("detail", containsString("by you"));

        // A colleague still writes, until the organisation's limit (5) is reached.
        String oscar = Tokens.bearer("organizer", "oscar@initech.example", "initech");
        write(oscar).statusCode(201);
        write(oscar).statusCode(201);
        write(oscar).statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("by your organisation"));

        // Another organisation is not slowed down by initech; reads are not counted.
        String gus = Tokens.bearer("organizer", "gus@globex.example", "globex");
        write(gus).statusCode(201);
        given().header("Authorization", olivia).get("/api/memos/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
