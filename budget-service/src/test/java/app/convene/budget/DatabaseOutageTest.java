package app.convene.budget;

import static app.convene.budget.Api.organizer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.PostgresDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The database goes away for longer than SmallRye would let a record wait for its acknowledgement (it checks every
 * auto-commit interval, 5 s), while registration-service keeps announcing headcounts. Budget-service stays alive,
 * says it is not ready and why, stops fetching, and when the database is back it applies every announcement once and
 * is ready again, without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {
    private static final int DURING_OUTAGE = 12;
    private static final int AFTER_OUTAGE = 4;

    @Inject
    DataSource database;
    @Inject
    KafkaClientService kafka;

    private boolean databaseStopped;

    @AfterEach
    void databaseIsBack() {
        if (databaseStopped) {
            PostgresDatabase.restartServer();
            databaseStopped = false;
        }
    }

    @Test
    void headcountsAnnouncedWhileTheDatabaseIsAwayAreEachAppliedOnceWhenItReturns() throws Exception {
        UUID eventId = UUID.randomUUID();
        Api.scheduled(eventId, "Partner summit", Instant.now().plus(Duration.ofDays(30)), 500,
                Api.ownedByOrganizer());
        List<UUID> announced = new ArrayList<>();
        announce(eventId, 1, announced);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("headcount.asOfSequence", equalTo(1)));

        LogCapture log = LogCapture.start();
        PostgresDatabase.stopServer();
        databaseStopped = true;

        // Headcounts keep coming; the first one the consumer takes cannot be applied.
        announce(eventId, 2, announced);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'event consumers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'event consumers' }.data.'registration-events'",
                        startsWith("waiting for the database since")));
        // It has stopped fetching: every partition it was given is paused.
        assertThat(kafka.getConsumer("registration-events").paused().await().atMost(Duration.ofSeconds(10)))
                .isNotEmpty()
                .isEqualTo(kafka.getConsumer("registration-events").getAssignments().await()
                        .atMost(Duration.ofSeconds(10)));
        // The outage lasts well past SmallRye's commit-and-health timer (every 5 s) with records unacknowledged;
        // the service is alive all along and stays not ready.
        for (int sequence = 3; sequence < 3 + DURING_OUTAGE; sequence++) {
            announce(eventId, sequence, announced);
            Thread.sleep(1000);
            given().get("/q/health/live").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(503).body("checks.name", hasItem("event consumers"));
        }

        PostgresDatabase.restartServer();
        databaseStopped = false;
        // The export worker, which runs every second, could not run meanwhile: a warning naming it, once, and no
        // error. It runs again once the database is back.
        await().atMost(Duration.ofSeconds(90)).until(() -> log.lines().stream()
                .anyMatch(line -> line.startsWith("INFO Scheduled job") && line.contains("ExportJobs#work runs again")));
        log.stop();
        assertThat(log.lines()).filteredOn(line -> line.contains("ExportJobs#work"))
                .filteredOn(line -> line.startsWith("WARN ")).singleElement().asString()
                .contains("the database is unavailable");
        assertThat(log.lines()).filteredOn(line -> line.startsWith("ERROR ")).isEmpty();
        int last = 3 + DURING_OUTAGE + AFTER_OUTAGE - 1;
        for (int sequence = 3 + DURING_OUTAGE; sequence <= last; sequence++) {
            announce(eventId, sequence, announced);
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("headcount.asOfSequence", equalTo(last)).body("headcount.confirmed", equalTo(last)));
        // Every announcement was received, each once: none was skipped while the channel waited.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(receipts(announced))
                .isEqualTo(announced.size()));
        assertThat(distinctReceipts(announced)).isEqualTo(announced.size());
        given().get("/q/health/live").then().statusCode(200);
        // Fetching again, and the channel's lag comes back to nothing.
        assertThat(kafka.getConsumer("registration-events").paused().await().atMost(Duration.ofSeconds(10)))
                .isEmpty();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(given().get("/q/metrics").then()
                .statusCode(200).extract().asString()).contains("inbox_consumer_lag{channel=\"registration-events\"} 0.0"));
    }

    private static void announce(UUID eventId, int sequence, List<UUID> announced) {
        UUID id = UUID.randomUUID();
        announced.add(id);
        KafkaBroker.send(EventRecords.withId(id, RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new HeadcountChanged(eventId, sequence, 500, sequence, 0, 0, 0)));
    }

    private int receipts(List<UUID> ids) throws Exception {
        return count("select count(*) from inbox_event where consumer = 'budget-service' and event_id = any(?)", ids);
    }

    private int distinctReceipts(List<UUID> ids) throws Exception {
        return count("select count(distinct event_id) from inbox_event where consumer = 'budget-service' "
                + "and event_id = any(?)", ids);
    }

    private int count(String sql, List<UUID> ids) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The service's log lines ("LEVEL message") while it runs: the root logger's records, as the console shows them. */
    static final class LogCapture extends java.util.logging.Handler {
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        static LogCapture start() {
            LogCapture capture = new LogCapture();
            java.util.logging.Logger.getLogger("").addHandler(capture);
            return capture;
        }

        void stop() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            String level = record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() ? "ERROR"
                    : record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() ? "WARN"
                    : record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue() ? "INFO" : "DEBUG";
            String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                    : record.getMessage();
            lines.add(level + " " + message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
