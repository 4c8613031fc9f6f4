package app.convene.backbone.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/**
 * Every change made through the API leaves exactly one audit entry, also when many arrive at once; entries handed
 * over together are written in one transaction rather than one each.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class AuditTrailTest {
    @Inject
    DataSource dataSource;

    @Test
    void changesArrivingTogetherEachGetOneEntryWrittenInFewerTransactions() throws Exception {
        int authors = 12;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < authors; i++) {
            names.add("auditor-" + UUID.randomUUID() + "@example.com");
        }
        ExecutorService clients = Executors.newFixedThreadPool(authors);
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            // Someone holds the audit table a moment: the first entry's write waits, and the others queue behind it.
            holder.setAutoCommit(false);
            lock.execute("lock table audit_entry in share mode");
            List<Future<Integer>> answers = new ArrayList<>();
            for (String author : names) {
                // Without an Idempotency-Key: such a change is recorded once it has committed (a keyed POST records
                // its entry in its own transaction, IdempotentRequestsTest).
                answers.add(clients.submit(() -> given().header("Authorization", Tokens.bearer("organizer", author))
                        .contentType(ContentType.JSON).body("{\"text\":\"Order the coffee\"}").post("/api/memos")
                        .then().extract().statusCode()));
            }
            // Every memo committed; their answers wait for their audit entries.
            await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                    "select count(*) from memo where author = any(?)", names) == authors);
            await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%audit_entry%'")
                    == 1);
            assertThat(answers).allMatch(answer -> !answer.isDone());
            Thread.sleep(500);
            holder.commit();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
        for (String author : names) {
            assertThat(Database.count(dataSource, "select count(*) from audit_entry where actor = ? and action = ?"
                    + " and status = 201", author, "POST /api/memos")).as(author).isEqualTo(1);
        }
        long transactions = Database.count(dataSource,
                "select count(distinct xmin::text) from audit_entry where actor = any(?)", names);
        assertThat(transactions).as("transactions writing %d entries", authors).isLessThan(authors);
    }
}
