package app.convene.backbone.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Every answer, a resource's, a problem, or a refusal by the HTTP layer, tells a browser not to sniff, frame or refer
 * from it, and no cache keeps it unless the answer says how to (a read that may be revalidated).
 */
@QuarkusTest
@TestProfile(SampleService.class)
class SecurityHeadersTest {

    private static void hardened(Response answer, String cacheControl) {
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.headers().getValues("Cache-Control")).isEqualTo(List.of(cacheControl));
    }

    @Test
    void everyKindOfAnswerCarriesTheHeadersAndOnlyARevalidatedReadMayBeKept() {
        Response written = given().header("Authorization", Tokens.organizer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("text", "Badge printing")).post("/api/memos");
        written.then().statusCode(201);
        hardened(written, "no-store");
        String id = written.path("id");

        Response read = given().header("Authorization", Tokens.organizer()).get("/api/memos/{id}", id);
        read.then().statusCode(200);
        hardened(read, "private, no-cache");
        Response notModified = given().header("Authorization", Tokens.organizer())
                .header("If-None-Match", read.header("ETag")).get("/api/memos/{id}", id);
        notModified.then().statusCode(304);
        hardened(notModified, "private, no-cache");

        Response history = given().header("Authorization", Tokens.organizer()).get("/api/memos/{id}/history", id);
        history.then().statusCode(200);
        hardened(history, "no-store");

        Response missing = given().header("Authorization", Tokens.organizer())
                .get("/api/memos/{id}", UUID.randomUUID());
        missing.then().statusCode(404).contentType("application/problem+json");
        hardened(missing, "no-store");

        Response anonymous = given().get("/api/memos/{id}", id);
        anonymous.then().statusCode(401);
        hardened(anonymous, "no-store");

        Response nowhere = given().header("Authorization", Tokens.organizer()).get("/api/no-such-thing");
        nowhere.then().statusCode(404);
        hardened(nowhere, "no-store");

        // Refused by a route ahead of every resource: the body is larger than the service reads.
        Response tooLarge = given().header("Authorization", Tokens.organizer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("text", "x".repeat(2 * 1024 * 1024))).post("/api/memos");
        tooLarge.then().statusCode(413).contentType("application/problem+json");
        hardened(tooLarge, "no-store");
    }
}
