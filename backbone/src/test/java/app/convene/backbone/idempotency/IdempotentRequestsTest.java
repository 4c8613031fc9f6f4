package app.convene.backbone.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * A client that is not sure its POST went through sends it again with the same Idempotency-Key: it gets the first
 * answer back and nothing happens twice; reusing the key for another request is refused.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class IdempotentRequestsTest {
    @Inject
    DataSource dataSource;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndChangesNothing() {
        String author = author();
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"Book the caterer\",\"copies\":2}";

        ExtractableResponse<Response> first = post(author, key, body).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        ExtractableResponse<Response> retry = post(author, key, body).statusCode(201)
                .header("Idempotent-Replayed", "true").contentType(ContentType.JSON).extract();

        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(memosBy(author)).isEqualTo(1);
        assertThat(eventsOf(first.path("id"))).isEqualTo(1);
        // The replay changed nothing, so the audit trail records the change once.
        assertThat(Database.count(dataSource, "select count(*) from audit_entry where actor = ? and action = ?",
                author, "POST /api/memos")).isEqualTo(1);
    }

    @Test
    void aKeyedChangeAndItsAuditEntryCommitInOneTransaction() {
        String author = author();
        post(author, UUID.randomUUID().toString(), "{\"text\":\"Send the agenda\"}").statusCode(201);

        List<List<Object>> memo = Database.rows(dataSource, "select xmin::text from memo where author = ?", author);
        List<List<Object>> entry = Database.rows(dataSource,
                "select xmin::text from audit_entry where actor = ? and action = ? and status = 201", author,
                "POST /api/memos");
        assertThat(memo).hasSize(1);
        // Rows written by one transaction carry its id: a crash can keep both or neither, never the change alone.
        assertThat(entry).as("the audit entry's transaction").isEqualTo(memo);
    }

    @Test
    void withTheAuditTableLockedAKeyedChangeWaitsAndCommitsWithItsEntry() throws Exception {
        String author = author();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("lock table audit_entry in share mode");
            Future<Integer> answer = client.submit(() -> post(author, UUID.randomUUID().toString(),
                    "{\"text\":\"Confirm the caterer\"}").extract().statusCode());
            await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%audit_entry%'")
                    == 1);
            // The change waits for its entry: it is not visible before the entry can be written.
            assertThat(memosBy(author)).isZero();
            holder.commit();
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            client.shutdownNow();
        }
        assertThat(memosBy(author)).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(*) from audit_entry where actor = ?", author)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String author = author();
        String key = UUID.randomUUID().toString();
        post(author, key, "{\"text\":\"Book the caterer\"}").statusCode(201);

        post(author, key, "{\"text\":\"Book the band\"}").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/idempotency-key-reused"))
                .body("status", equalTo(422))
                .body("detail", containsString(key));
        assertThat(memosBy(author)).isEqualTo(1);
    }

    @Test
    void twoRequestsRacingWithOneKeyMakeOneMemoAndGetTheSameAnswer() throws Exception {
        String author = author();
        String key = UUID.randomUUID().toString();
        String token = Tokens.bearer("organizer", author);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(racers);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    // The first one in holds its transaction open a while, so the others arrive meanwhile.
                    return given().header("Authorization", token).header("Idempotency-Key", key)
                            .contentType(ContentType.JSON).body("{\"text\":\"Reserve the hall\"}")
                            .queryParam("holdMillis", 2000).post("/api/memos").then().extract();
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            int replayed = 0;
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                ids.add(response.path("id"));
                replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(ids).hasSize(racers).containsOnly(ids.get(0));
            assertThat(replayed).isEqualTo(racers - 1);
            assertThat(memosBy(author)).isEqualTo(1);
            assertThat(eventsOf(ids.get(0))).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"Print the badges\"}";
        String anna = author();
        String bram = author();

        String annasMemo = post(anna, key, body).statusCode(201).extract().path("id");
        String bramsMemo = post(bram, key, body).statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");

        assertThat(bramsMemo).isNotEqualTo(annasMemo);
        assertThat(memosBy(anna)).isEqualTo(1);
        assertThat(memosBy(bram)).isEqualTo(1);
    }

    @Test
    void aRequestThatFailedLeavesItsKeyFreeForTheCorrectedRequest() {
        String author = author();
        String slug = "slug-" + UUID.randomUUID();
        post(author, UUID.randomUUID().toString(), "{\"text\":\"First\",\"slug\":\"" + slug + "\"}").statusCode(201);
        String key = UUID.randomUUID().toString();

        // Refused by the database (the slug is taken): nothing is stored under the key...
        post(author, key, "{\"text\":\"Second\",\"slug\":\"" + slug + "\"}").statusCode(409);
        // ...so the corrected request may use it.
        post(author, key, "{\"text\":\"Second\",\"slug\":\"" + slug + "-2\"}").statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertThat(memosBy(author)).isEqualTo(2);
    }

    @Test
    void aKeyMustBeAtMost200Characters() {
        String author = author();
        post(author, "k".repeat(201), "{\"text\":\"Too long a key\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(memosBy(author)).isZero();
    }

    private static String author() {
        return "author-" + UUID.randomUUID() + "@example.com";
    }

    private static ValidatableResponse post(String author, String key, String body) {
        return given().header("Authorization", Tokens.bearer("organizer", author)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/memos").then();
    }

    private long memosBy(String author) {
        return Database.count(dataSource, "select count(*) from memo where author = ?", author);
    }

    private long eventsOf(String memoId) {
        return Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?", memoId);
    }
}
