package app.convene.backbone.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.outbox.OutboxRelay;
import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A change made through the API and its audit entry commit together: the change is not visible before its entry can
 * be written, and a change whose entry cannot be written is not made at all. Also for a change sent without an
 * Idempotency-Key (a keyed POST: IdempotentRequestsTest). The change's events and its entry reach the database
 * together, in one statement just before the commit.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class AuditTrailTest {
    @Inject
    DataSource dataSource;

    @Test
    void aChangeCommitsOnlyTogetherWithItsEntry() throws Exception {
        String author = "auditor-" + UUID.randomUUID() + "@example.com";
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            // Someone holds the audit table a moment: the change's entry has to wait, and so does the change.
            holder.setAutoCommit(false);
            lock.execute("lock table audit_entry in share mode");
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> write(author));
            await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%audit_entry%'")
                    == 1);
            assertThat(Database.count(dataSource, "select count(*) from memo where author = ?", author))
                    .as("the memo, before its entry could be written").isZero();
            assertThat(answer).isNotDone();
            holder.commit();
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        }
        assertThat(Database.count(dataSource, "select count(*) from memo where author = ?", author)).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(*) from audit_entry where actor = ? and action = ?"
                + " and status = 201", author, "POST /api/memos")).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(distinct xmin::text) from ("
                + " select xmin from memo where author = ? union all select xmin from audit_entry where actor = ?) t",
                author, author)).as("transactions writing the memo and its entry").isEqualTo(1);
    }

    @Test
    void aChangesEventsAndEntryAreWrittenInOneStatementAfterItsOwnRows() throws Exception {
        try (Connection relayHolder = dataSource.getConnection(); Statement relayLock = relayHolder.createStatement()) {
            // No relay marks the events published (a new row version) while they are looked at.
            relayLock.execute("select pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            try {
                eventsAndEntryOfOneChangeShareAStatement();
            } finally {
                relayLock.execute("select pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
        }
    }

    private void eventsAndEntryOfOneChangeShareAStatement() {
        for (String key : new String[] { null, UUID.randomUUID().toString() }) {
            String author = "gathered-" + UUID.randomUUID() + "@example.com";
            var request = given().header("Authorization", Tokens.bearer("organizer", author))
                    .contentType(ContentType.JSON).body("{\"text\":\"Book the room\"}");
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            String memoId = request.post("/api/memos").then().statusCode(201).extract().path("id");
            // Rows written by one statement of a transaction share its command id (cmin).
            assertThat(Database.rows(dataSource, "select count(*), count(distinct xmin::text), "
                    + "count(distinct cmin::text) from (select xmin, cmin from outbox_event where aggregate_id = ? "
                    + "union all select xmin, cmin from audit_entry where actor = ?) t", memoId, author).get(0))
                    .as("the memo's event and its entry (key %s): rows, transactions, statements", key)
                    .containsExactly(2L, 1L, 1L);
            assertThat(Database.count(dataSource, "select count(*) from memo m join audit_entry a on a.actor = "
                    + "m.author and a.xmin = m.xmin and a.cmin::text <> m.cmin::text where m.author = ?", author))
                    .as("the memo, written in the same transaction by a statement of its own").isEqualTo(1);
        }
    }

    @Test
    void aChangeWhoseEntryCannotBeWrittenIsNotMade() {
        String author = "refused-" + UUID.randomUUID() + "@example.com";
        Database.execute(dataSource, "alter table audit_entry add constraint refuses_probe check (actor <> '"
                + author + "') not valid");
        try {
            assertThat(write(author)).as("the answer to a change whose entry was refused").isBetween(400, 599);
        } finally {
            Database.execute(dataSource, "alter table audit_entry drop constraint refuses_probe");
        }
        assertThat(Database.count(dataSource, "select count(*) from memo where author = ?", author))
                .as("the memo whose entry was refused").isZero();
        assertThat(Database.count(dataSource, "select count(*) from audit_entry where actor = ?", author)).isZero();
    }

    private static int write(String author) {
        return given().header("Authorization", Tokens.bearer("organizer", author))
                .contentType(ContentType.JSON).body("{\"text\":\"Order the coffee\"}").post("/api/memos")
                .then().extract().statusCode();
    }
}
