package app.convene.budget;

import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Finance works per organisation: each sets its own exchange rates and allowances, and its journal, export jobs and
 * roll-up hold only its own budgets, even where two organisations use the same department name, currency pair or
 * vendor invoice number.
 */
@QuarkusTest
class PerOrganisationFinanceTest {
    static final String GLOBEX = "globex";
    static final String GLOBEX_OWNER = "gina.owner@globex.example";
    /** The period read: today with a day on either side, so a run across midnight (UTC) still holds its entries. */
    static final String FROM = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    static RequestSpecification globexOrganizer() {
        return Api.as("organizer", GLOBEX_OWNER, GLOBEX);
    }

    static RequestSpecification globexFinance() {
        return Api.as("finance", "gwen.finance@globex.example", GLOBEX);
    }

    /** An event of {@code org} in the given department, with a committed and invoiced line of that amount. */
    static UUID spend(String org, Supplier<RequestSpecification> owner, Supplier<RequestSpecification> financeOfOrg,
            String ownerSubject, String department, String amount, String invoiceNumber, String lineCurrency) {
        UUID eventId = Api.scheduledEvent(Instant.parse("2032-05-10T09:00:00Z"),
                new EventAccess(org, ownerSubject, false, List.of(), List.of()), financeOfOrg);
        owner.get().body(Map.of("currency", "EUR", "department", department, "costCentre", "CC-" + org))
                .put("/api/events/{e}/budget", eventId).then().statusCode(200);
        Map<String, Object> line = new HashMap<>(Api.line("VENUE", "FIXED", amount, lineCurrency));
        line.put("description", "Hall of " + org);
        String location = owner.get().body(line).post("/api/events/{e}/budget/lines", eventId).then().statusCode(201)
                .extract().header("Location");
        UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        owner.get().body(Map.of("poNumber", "PO-" + org + "-" + invoiceNumber, "amount", money(amount)))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        financeOfOrg.get().body(Map.of("vendor", "Harbour Hall", "invoiceNumber", invoiceNumber,
                "amount", money(amount),
                "issuedOn", "2032-04-01")).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then()
                .statusCode(201);
        return eventId;
    }

    @Test
    void eachOrganisationsFinanceSeesOnlyItsOwnLinesRatesAllowancesAndExports() {
        String department = "Shared name " + UUID.randomUUID();
        String invoice = "HH-" + UUID.randomUUID();
        // Both set the same currency pair, each its own rate.
        finance().body(Map.of("rate", money("0.95"))).put("/api/exchange-rates/{b}/{q}", "CHF", "EUR").then()
                .statusCode(200);
        globexFinance().body(Map.of("rate", money("2"))).put("/api/exchange-rates/{b}/{q}", "CHF", "EUR").then()
                .statusCode(200).body("rate", equalTo(2));
        // The same department name, vendor and invoice number in both organisations: separate records.
        UUID acmeEvent = spend("acme", Api::organizer, Api::finance, Api.ORGANIZER, department, "100.00", invoice,
                "CHF");
        UUID globexEvent = spend(GLOBEX, PerOrganisationFinanceTest::globexOrganizer,
                PerOrganisationFinanceTest::globexFinance, GLOBEX_OWNER, department, "100.00",
                invoice, "CHF");

        // Each budget was converted with its own organisation's rate.
        finance().get("/api/events/{e}/budget", acmeEvent).then().body("totals.actual", equalTo(money("95.00")));
        globexFinance().get("/api/events/{e}/budget", globexEvent).then()
                .body("totals.actual", equalTo(money("200.00")));
        assertThat(finance().get("/api/exchange-rates").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.base == 'CHF' && it.quote == 'EUR' }.rate").toString()).isEqualTo("[0.95]");
        assertThat(globexFinance().get("/api/exchange-rates").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.base == 'CHF' && it.quote == 'EUR' }.rate").toString()).isEqualTo("[2]");

        io.restassured.response.Response acmesAnswer = finance()
                .body(Map.of("amount", money("1000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, "2032-Q2").then().statusCode(201).extract()
                .response();
        String acmesAllowance = acmesAnswer.header("Location");
        globexFinance().body(Map.of("amount", money("5000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, "2032-Q2").then().statusCode(201);
        // The same department and period, each organisation's own allowance at the Location.
        // (the Location is already encoded: "Shared%20name%20...", sent as it is)
        // what the 201 answered, who set it and when included
        assertThat(finance().urlEncodingEnabled(false).get(acmesAllowance).then().statusCode(200)
                .body("amount", equalTo(money("1000.00"))).extract().jsonPath().getMap(""))
                .isEqualTo(acmesAnswer.jsonPath().getMap("")).doesNotContainEntry("setBy", null);
        globexFinance().urlEncodingEnabled(false).get(acmesAllowance).then().statusCode(200)
                .body("amount", equalTo(money("5000.00")));
        finance().get("/api/departments/{d}/allowances/{p}", department, "2032-Q3").then().statusCode(404);
        finance().get("/api/departments/{d}/allowances/{p}", department, "2032-13").then().statusCode(400);

        // Roll-ups: one budget each, against each one's own allowance.
        Map<String, Object> acmeRollUp = department(finance(), department);
        assertThat(acmeRollUp).containsEntry("budgets", 1);
        assertThat(acmeRollUp.get("allowance").toString()).isEqualTo("1000.00");
        assertThat(acmeRollUp.get("actualTotal").toString()).isEqualTo("95.00");
        Map<String, Object> globexRollUp = department(globexFinance(), department);
        assertThat(globexRollUp).containsEntry("budgets", 1);
        assertThat(globexRollUp.get("allowance").toString()).isEqualTo("5000.00");
        assertThat(globexRollUp.get("actualTotal").toString()).isEqualTo("200.00");
        assertThat(department(globexOrganizer(), department)).containsEntry("budgets", 1);

        // Journals: globex's holds globex's lines only, and acme's never shows globex's.
        JsonPath globexJournal = journal(globexFinance());
        assertThat(globexJournal.getList("lines.eventId")).contains(globexEvent.toString())
                .doesNotContain(acmeEvent.toString());
        assertThat(globexJournal.getList("lines.description", String.class)).noneMatch(d -> d.contains("of acme"));
        JsonPath acmeJournal = journal(finance());
        assertThat(acmeJournal.getList("lines.eventId")).contains(acmeEvent.toString())
                .doesNotContain(globexEvent.toString());
        String globexCsv = globexFinance().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(globexCsv).contains(globexEvent.toString()).doesNotContain(acmeEvent.toString())
                .doesNotContain("Hall of acme");

        // Export jobs: globex's file holds its own lines; acme's finance does not find globex's job, nor the reverse.
        String globexJob = globexFinance().body(Map.of("from", FROM, "to", TO, "format", "CSV"))
                .post("/api/finance/exports").then().statusCode(202).extract().path("id");
        String acmeJob = finance().body(Map.of("from", FROM, "to", TO, "format", "CSV"))
                .post("/api/finance/exports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> globexFinance()
                .get("/api/finance/exports/{id}", globexJob).then().body("status", equalTo("DONE")));
        String globexFile = globexFinance().get("/api/finance/exports/{id}/file", globexJob).then().statusCode(200)
                .extract().asString();
        assertThat(globexFile).contains(globexEvent.toString()).doesNotContain(acmeEvent.toString());
        finance().get("/api/finance/exports/{id}", globexJob).then().statusCode(404)
                .contentType("application/problem+json");
        finance().get("/api/finance/exports/{id}/file", globexJob).then().statusCode(404);
        globexFinance().get("/api/finance/exports/{id}", acmeJob).then().statusCode(404);
        globexFinance().get("/api/finance/exports/{id}/file", acmeJob).then().statusCode(404);

        // Neither organisation reaches the other's budget.
        globexFinance().get("/api/events/{e}/budget", acmeEvent).then().statusCode(404);
        finance().get("/api/events/{e}/budget", globexEvent).then().statusCode(404);
    }

    @Test
    void anIdempotencyKeyIsTheCallersOwn() {
        String key = "shared-key-" + UUID.randomUUID();
        String acmeJob = finance().header("Idempotency-Key", key)
                .body(Map.of("from", FROM, "to", TO, "format", "JSON")).post("/api/finance/exports").then()
                .statusCode(202).extract().path("id");
        String globexJob = globexFinance().header("Idempotency-Key", key)
                .body(Map.of("from", FROM, "to", TO, "format", "JSON")).post("/api/finance/exports").then()
                .statusCode(202).extract().path("id");
        assertThat(globexJob).isNotEqualTo(acmeJob);
    }

    private static JsonPath journal(RequestSpecification financeOfOrg) {
        return financeOfOrg.accept("application/json").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> department(RequestSpecification caller, String department) {
        List<Map<String, Object>> departments = caller.queryParam("period", "2032-Q2").get("/api/roll-up").then()
                .statusCode(200).extract().jsonPath().getList("departments");
        return departments.stream().filter(d -> department.equals(d.get("department"))).findFirst().orElseThrow();
    }
}
