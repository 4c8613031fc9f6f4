package app.convene.backbone.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Two requests that change the same two records in opposite order deadlock in PostgreSQL, which rolls one of them
 * back. That one answers a 503 problem {@code concurrent-change} with {@code Retry-After}, not a 500; nothing of it
 * was kept, and sent again (with its Idempotency-Key) it runs for real.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class ConcurrentChangeTest {
    private static final long HOLD_MILLIS = 1500;

    @Test
    void theRequestTheDatabaseRollsBackToEndADeadlockIsToldToSendItAgain() throws Exception {
        String author = Tokens.bearer("organizer", "deadlock-" + UUID.randomUUID());
        String first = memo(author, "Seating plan");
        String second = memo(author, "Catering order");
        String forwardKey = UUID.randomUUID().toString();
        String backwardKey = UUID.randomUUID().toString();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<ExtractableResponse<Response>> forward = clients.submit(() -> {
            go.await();
            return addCopies(author, forwardKey, first, second);
        });
        Future<ExtractableResponse<Response>> backward = clients.submit(() -> {
            go.await();
            return addCopies(author, backwardKey, second, first);
        });
        go.countDown();
        List<ExtractableResponse<Response>> answers = List.of(forward.get(), backward.get());
        clients.shutdown();

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(204, 503);
        ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 503).findFirst()
                .orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("type")).isEqualTo("https://convene.app/problems/concurrent-change");
        assertThat(refused.<String>path("detail")).contains("nothing was changed");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // The winner added a copy to each memo; the refused request's first change was rolled back with it.
        assertThat(copies(author, first)).isEqualTo(2);
        assertThat(copies(author, second)).isEqualTo(2);

        boolean forwardRefused = refused == answers.get(0);
        ExtractableResponse<Response> again = forwardRefused ? addCopies(author, forwardKey, first, second)
                : addCopies(author, backwardKey, second, first);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(copies(author, first)).isEqualTo(3);
        assertThat(copies(author, second)).isEqualTo(3);
    }

    private static String memo(String author, String text) {
        return given().header("Authorization", author).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}").post("/api/memos").then().statusCode(201).extract().path("id");
    }

    private static ExtractableResponse<Response> addCopies(String author, String key, String first, String second) {
        return given().header("Authorization", author).header("Idempotency-Key", key)
                .queryParam("holdMillis", HOLD_MILLIS)
                .post("/api/memos/{first}/copies-with/{second}", first, second).then().extract();
    }

    private static int copies(String author, String memo) {
        return given().header("Authorization", author).get("/api/memos/{id}", memo).then().statusCode(200)
                .extract().path("copies");
    }
}
