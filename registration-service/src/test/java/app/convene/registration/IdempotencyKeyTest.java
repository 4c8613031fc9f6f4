package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import app.convene.backbone.testing.DocumentedAnswers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A front-end that lost the answer retries with the same Idempotency-Key and gets the first answer again. */
@QuarkusTest
class IdempotencyKeyTest {

    private static ExtractableResponse<Response> register(UUID eventId, String key, String name) {
        return given().header("Authorization", Tokens.bearer("attendee", "pia@example.com"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", "pia@example.com", "name", name)))
                .post("/api/events/{e}/registrations", eventId).then().extract();
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndRegistersOnce() {
        UUID eventId = Api.scheduleEvent("Retry-safe", 10);
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = register(eventId, key, "Pia");
        ExtractableResponse<Response> retry = register(eventId, key, "Pia");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1));
    }

    @Test
    void aRetriedCancellationIsReplayedAndPromotesOnlyOnce() {
        UUID eventId = Api.scheduleEvent("Retry cancel", 1);
        String first = Api.register(eventId, "pia@example.com", "Pia").extract().path("id");
        String second = Api.register(eventId, "rut@example.com", "Rut").extract().path("id");
        Api.register(eventId, "sam@example.com", "Sam");
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", Tokens.bearer("attendee", "pia@example.com")).header("Idempotency-Key", key)
                    .post("/api/events/{e}/registrations/{r}/cancel", eventId, first).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, second).body("status", equalTo("CONFIRMED"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1)).body("waitlisted", equalTo(1));
        assertThat(DocumentedAnswers.of(given().get("/q/openapi?format=json").then().extract().jsonPath(),
                "'/api/events/{eventId}/registrations/{registrationId}/cancel'.post", "422").get("description"))
                .asString().contains("Idempotency-Key");
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefused() {
        UUID eventId = Api.scheduleEvent("Key reuse", 10);
        String key = UUID.randomUUID().toString();
        register(eventId, key, "Pia");
        ExtractableResponse<Response> reused = register(eventId, key, "Pia Someone-Else");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.<String>path("type")).isEqualTo("https://convene.app/problems/idempotency-key-reused");
    }

    @Test
    void concurrentRetriesWithOneKeyRegisterOnce() throws Exception {
        UUID eventId = Api.scheduleEvent("Impatient clicks", 10);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return register(eventId, key, "Pia");
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            ExtractableResponse<Response> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1));
    }
}
