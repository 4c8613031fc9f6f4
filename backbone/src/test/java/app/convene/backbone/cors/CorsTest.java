package app.convene.backbone.cors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A browser app served from a dev server on another origin calls the API: its preflight is answered with what it may
 * send and read; an origin that is not configured learns nothing and its requests are refused.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class CorsTest {
    private static final String DEV_SERVER = "http://localhost:5173";

    @Test
    void aConfiguredOriginsPreflightIsAnsweredWithTheHeadersItMaySendAndRead() {
        given().header("Origin", DEV_SERVER).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/memos")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DEV_SERVER))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));

        Response answer = given().header("Origin", DEV_SERVER).header("Authorization", Tokens.organizer())
                .get("/api/memos/" + java.util.UUID.randomUUID());
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(DEV_SERVER);
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("Location").contains("Retry-After")
                .contains("Idempotent-Replayed");
    }

    @Test
    void anOriginNotConfiguredIsNotAllowed() {
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .options("/api/memos")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://attacker.example").header("Authorization", Tokens.organizer())
                .get("/api/memos/" + java.util.UUID.randomUUID())
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
