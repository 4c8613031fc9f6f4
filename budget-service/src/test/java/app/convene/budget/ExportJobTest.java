package app.convene.budget;

import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.FinanceExportTest.FROM;
import static app.convene.budget.FinanceExportTest.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Export jobs run by the scheduled worker, through HTTP only. */
@QuarkusTest
class ExportJobTest {

    static Response start(String format, String key) {
        var request = finance().body(Map.of("from", FROM, "to", TO, "format", format));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/finance/exports");
    }

    static JsonPath awaitDone(String location) {
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            job[0] = finance().get(location).then().statusCode(200).extract().jsonPath();
            assertThat(job[0].getString("status")).isEqualTo("DONE");
        });
        return job[0];
    }

    @Test
    void aCsvJobWritesTheSameFileAsTheSynchronousExportAndReportsItsProgress() {
        UUID eventId = FinanceExportTest.eventWithPurchaseOrderAndInvoice();
        Response started = start("CSV", null);
        started.then().statusCode(202).body("status", equalTo("QUEUED")).body("format", equalTo("CSV"))
                .body("from", equalTo(FROM)).body("download", nullValue())
                .body("requestedBy", equalTo(Api.FINANCE));
        String location = started.header("Location");
        assertThat(location).endsWith("/api/finance/exports/" + started.jsonPath().getString("id"));

        JsonPath done = awaitDone(location);
        long total = done.getLong("linesTotal");
        assertThat(total).isGreaterThanOrEqualTo(4);
        assertThat(done.getLong("linesWritten")).isEqualTo(total);
        assertThat(done.getString("download")).isEqualTo(location.substring(location.indexOf("/api/")) + "/file");
        assertThat(done.getString("finishedAt")).isNotNull();

        Response file = finance().get(done.getString("download"));
        file.then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                org.hamcrest.Matchers.containsString("journal-" + FROM + "-" + TO + ".csv"));
        String synchronous = finance().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(file.asString()).isEqualTo(synchronous);
        assertThat(file.asString().lines().count()).isEqualTo(total + 1);
        assertThat(file.asString().lines().filter(l -> l.contains(eventId.toString()))).hasSize(4);
    }

    @Test
    void aJsonJobIsTheSynchronousJsonDocumentAndBalances() {
        FinanceExportTest.eventWithPurchaseOrderAndInvoice();
        String location = start("JSON", null).then().statusCode(202).extract().header("Location");
        JsonPath done = awaitDone(location);

        String file = finance().get(done.getString("download")).then().statusCode(200)
                .contentType("application/json").extract().asString();
        String synchronous = finance().accept("application/json").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(file).isEqualTo(synchronous);
        JsonPath journal = JsonPath.from(file);
        assertThat(journal.getList("lines")).hasSize(done.getInt("linesTotal"));
        assertThat(journal.getString("period.from")).isEqualTo(FROM);
        for (Map<String, Object> balance : journal.<Map<String, Object>>getList("balances")) {
            assertThat(new BigDecimal(balance.get("debit").toString()))
                    .isEqualByComparingTo(new BigDecimal(balance.get("credit").toString()));
        }
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyAnswersTheFirstJob() {
        String key = "export-" + UUID.randomUUID();
        Response first = start("CSV", key);
        first.then().statusCode(202);
        Response again = start("CSV", key);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.header("Location")).endsWith(first.jsonPath().getString("id"));
        start("JSON", key).then().statusCode(422).contentType("application/problem+json");
    }

    /**
     * Finance finds the organisation's export jobs again without their Location: newest first, a page at a time;
     * another organisation's never appear, and a cursor that is not one of the list's is a 400.
     */
    @Test
    void theOrganisationsJobsAreListedNewestFirstAPageAtATime() {
        String older = start("CSV", null).then().statusCode(202).extract().path("id");
        String newer = start("JSON", null).then().statusCode(202).extract().path("id");
        String globex = PerOrganisationFinanceTest.globexFinance()
                .body(Map.of("from", FROM, "to", TO, "format", "CSV")).post("/api/finance/exports").then()
                .statusCode(202).extract().path("id");

        JsonPath first = finance().queryParam("limit", 1).get("/api/finance/exports").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("exports.id", String.class)).containsExactly(newer);
        assertThat(first.getString("exports[0].format")).isEqualTo("JSON");
        assertThat(first.getString("exports[0].requestedBy")).isEqualTo(Api.FINANCE);
        assertThat(first.getString("next")).isEqualTo(newer);
        finance().queryParam("after", newer).queryParam("limit", 1).get("/api/finance/exports").then()
                .statusCode(200).body("exports.id", contains(older));
        finance().queryParam("limit", 100).get("/api/finance/exports").then().statusCode(200)
                .body("exports.id", not(hasItem(globex)));

        PerOrganisationFinanceTest.globexFinance().queryParam("after", older).get("/api/finance/exports").then()
                .statusCode(400).body("errors.field", hasItem("after"));
        finance().queryParam("limit", 101).get("/api/finance/exports").then().statusCode(400);
        organizer().get("/api/finance/exports").then().statusCode(403);
        awaitDone("/api/finance/exports/" + newer);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndOnlyFinanceExports() {
        finance().body(Map.of("from", FROM, "to", TO, "format", "XML")).post("/api/finance/exports").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("format"));
        finance().body(Map.of("to", TO, "format", "CSV")).post("/api/finance/exports").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        finance().body(Map.of("from", "yesterday", "to", TO, "format", "CSV")).post("/api/finance/exports")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        finance().body(Map.of("from", "2027-03-31", "to", "2027-03-01", "format", "CSV"))
                .post("/api/finance/exports").then().statusCode(400).body("errors.field", hasItem("to"));
        finance().body(Map.of("from", FROM, "to", TO, "format", "CSV", "extra", 1))
                .post("/api/finance/exports").then().statusCode(400);
        organizer().body(Map.of("from", FROM, "to", TO, "format", "CSV")).post("/api/finance/exports").then()
                .statusCode(403);
        UUID unknown = UUID.randomUUID();
        finance().get("/api/finance/exports/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        finance().get("/api/finance/exports/{id}/file", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        finance().get("/api/finance/exports/{id}", "not-a-uuid").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
    }
}
