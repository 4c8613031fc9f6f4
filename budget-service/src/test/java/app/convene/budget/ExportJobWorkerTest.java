package app.convene.budget;

import static app.convene.budget.Api.finance;
import static app.convene.budget.FinanceExportTest.FROM;
import static app.convene.budget.FinanceExportTest.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import app.convene.budget.service.ExportJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The export worker driven by the test instead of the scheduler, so that a job can be seen queued, several workers
 * can race for jobs, and a stopped worker's job can be taken over. A synchronous export of more than 2 lines is
 * refused here.
 */
@QuarkusTest
@TestProfile(ExportJobWorkerTest.ManualWorker.class)
class ExportJobWorkerTest {
    public static class ManualWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("budget.export.poll-interval", "off", "budget.export.synchronous-limit", "2",
                    "budget.export.progress-every", "2");
        }
    }

    @Inject
    ExportJobs worker;
    @Inject
    DataSource dataSource;

    static String startCsv() {
        return finance().body(Map.of("from", FROM, "to", TO, "format", "CSV")).post("/api/finance/exports")
                .then().statusCode(202).extract().jsonPath().getString("id");
    }

    long single(String sql, String id) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (var r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getLong(1);
            }
        }
    }

    void execute(String sql, String id) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }

    @Test
    void aTooLargeSynchronousExportPointsAtTheExportJobs() {
        FinanceExportTest.eventWithPurchaseOrderAndInvoice();
        for (String type : List.of("text/csv", "application/json")) {
            finance().accept(type).queryParam("from", FROM).queryParam("to", TO).get("/api/finance/journal")
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("type", containsString("export-too-large"))
                    .body("detail", containsString("POST /api/finance/exports"))
                    .body("detail", containsString("\"from\": \"" + FROM + "\""))
                    .body("detail", containsString("GET /api/finance/exports/{id}/file"));
        }
    }

    @Test
    void aQueuedJobCannotBeDownloadedYetAndConcurrentWorkersRunEachJobOnce() throws Exception {
        FinanceExportTest.eventWithPurchaseOrderAndInvoice();
        String queued = startCsv();
        String waiting = finance().get("/api/finance/exports/{id}", queued).then().statusCode(200)
                .body("status", equalTo("QUEUED")).body("linesTotal", nullValue()).body("linesWritten", equalTo(0))
                .extract().header("ETag");
        // The finance system polls the job with the tag of what it last saw: nothing new while it waits.
        finance().header("If-None-Match", waiting).get("/api/finance/exports/{id}", queued).then().statusCode(304);
        finance().get("/api/finance/exports/{id}/file", queued).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("export-not-ready"))
                .body("detail", containsString("QUEUED"));
        List<String> ids = new ArrayList<>(List.of(queued));
        for (int i = 0; i < 7; i++) {
            ids.add(startCsv());
        }

        // Four workers race for the jobs until none is left; SKIP LOCKED gives each job to exactly one of them.
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> drains = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                drains.add(() -> {
                    int ran = 0;
                    while (worker.runNext()) {
                        ran++;
                    }
                    return ran;
                });
            }
            int ran = 0;
            for (Future<Integer> f : workers.invokeAll(drains)) {
                ran += f.get();
            }
            assertThat(ran).isGreaterThanOrEqualTo(ids.size());
        } finally {
            workers.shutdown();
        }
        finance().header("If-None-Match", waiting).get("/api/finance/exports/{id}", queued).then().statusCode(200)
                .body("status", equalTo("DONE"));
        String expected = null;
        for (String id : ids) {
            var job = finance().get("/api/finance/exports/{id}", id).then().statusCode(200)
                    .body("status", equalTo("DONE")).extract().jsonPath();
            assertThat(job.getLong("linesWritten")).isEqualTo(job.getLong("linesTotal"));
            assertThat(single("select attempt from export_job where id = ?", id)).as("claims of " + id).isEqualTo(1);
            // progress-every 2: one chunk per ledger entry, plus the header.
            assertThat(single("select count(*) from export_file_chunk where job_id = ?", id))
                    .isGreaterThanOrEqualTo(job.getLong("linesTotal") / 2);
            String file = finance().get("/api/finance/exports/{id}/file", id).then().statusCode(200).extract()
                    .asString();
            assertThat(file.lines().count()).isEqualTo(job.getLong("linesTotal") + 1);
            if (expected != null) {
                assertThat(file).isEqualTo(expected);
            }
            expected = file;
        }
    }

    @Test
    void aJobWhoseWorkerStoppedIsTakenOverAndWrittenFromTheStart() throws Exception {
        FinanceExportTest.eventWithPurchaseOrderAndInvoice();
        String id = startCsv();
        // A worker claimed it, wrote a chunk and stopped: its lease ran out.
        execute("""
                update export_job set status = 'RUNNING', attempt = 1, lines_written = 2,
                       lease_until = now() - interval '1 minute', started_at = now() where id = ?""", id);
        execute("insert into export_file_chunk (job_id, seq, data) values (?, 0, 'half-written garbage'::bytea)", id);
        while (worker.runNext()) {
            // drain
        }
        var job = finance().get("/api/finance/exports/{id}", id).then().statusCode(200)
                .body("status", equalTo("DONE")).extract().jsonPath();
        assertThat(single("select attempt from export_job where id = ?", id)).isEqualTo(2);
        String file = finance().get("/api/finance/exports/{id}/file", id).then().statusCode(200).extract().asString();
        assertThat(file).doesNotContain("garbage").startsWith("\"id\",\"entryId\"");
        assertThat(file.lines().count()).isEqualTo(job.getLong("linesTotal") + 1);
    }
}
