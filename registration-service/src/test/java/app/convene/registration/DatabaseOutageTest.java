package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.PostgresDatabase;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * While the database is down, people trying to register and organizers reading their event are told to come back
 * (503 with Retry-After, a problem), never "internal error"; nothing they tried is half written, and once the
 * database is back the same retries succeed.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static ExtractableResponse<Response> register(UUID eventId, String email, String key) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("attendee", Map.of("email", email, "name", "Guest")))
                .post("/api/events/{e}/registrations", eventId).then().extract();
    }

    private static ExtractableResponse<Response> registerWithoutKey(UUID eventId, String email) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "Guest")))
                .post("/api/events/{e}/registrations", eventId).then().extract();
    }

    private static ExtractableResponse<Response> readEvent(UUID eventId) {
        return given().header("Authorization", Tokens.organizer()).get("/api/events/{e}", eventId).then().extract();
    }

    @Test
    void duringADatabaseOutageEveryoneIsToldToRetryAndTheirRetriesSucceedOnceItReturns() throws Exception {
        UUID eventId = Api.scheduleEvent("Planned before the outage", 10);
        Api.register(eventId, "ann@example.com", "Ann").statusCode(201);

        List<ExtractableResponse<Response>> duringOutage = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        PostgresDatabase.stopServer();
        try {
            for (int attempt = 0; attempt < 6; attempt++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                duringOutage.add(register(eventId, "guest" + attempt + "@example.com", key));
                duringOutage.add(registerWithoutKey(eventId, "walk-in" + attempt + "@example.com"));
                duringOutage.add(readEvent(eventId));
            }
            // A burst of people at once, as when a popular event opens: each waits for a connection, none gets one.
            ExecutorService people = Executors.newFixedThreadPool(8);
            try {
                List<Future<ExtractableResponse<Response>>> burst = new ArrayList<>();
                for (int person = 0; person < 8; person++) {
                    String email = "burst" + person + "@example.com";
                    burst.add(people.submit(() -> register(eventId, email, UUID.randomUUID().toString())));
                }
                for (Future<ExtractableResponse<Response>> answer : burst) {
                    duringOutage.add(answer.get());
                }
            } finally {
                people.shutdownNow();
            }
        } finally {
            PostgresDatabase.restartServer();
        }

        assertThat(duringOutage).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.<String>path("type")).isEqualTo("https://convene.app/problems/database-unavailable");
            assertThat(answer.<Integer>path("status")).isEqualTo(503);
        });

        // The pool drops the connections the outage cut and opens new ones.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> readEvent(eventId).statusCode() == 200);

        // Nothing tried during the outage was written: only Ann is registered.
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("confirmed", equalTo(1));

        // The same Idempotency-Keys now run for real (no answer was stored for them) and register each once.
        for (int attempt = 0; attempt < keys.size(); attempt++) {
            ExtractableResponse<Response> retry = register(eventId, "guest" + attempt + "@example.com",
                    keys.get(attempt));
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
        }
        assertThat(registerWithoutKey(eventId, "walk-in0@example.com").statusCode()).isEqualTo(201);
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("confirmed", equalTo(8));

        // And they are announced: the outbox relay publishes again once the database is back.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                Api.announced(eventId).stream().filter(r -> Api.type(r).equals("registration.confirmed.v2"))
                        .map(r -> new String(r.headers().lastHeader("ce_id").value())).distinct().count())
                .isEqualTo(8));
    }
}
