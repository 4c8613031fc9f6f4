package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InvoicesAndLedgerTest {

    static Map<String, Object> invoice(String vendor, String number, String amount) {
        return Map.of("vendor", vendor, "invoiceNumber", number, "amount", money(amount), "issuedOn", "2027-03-12");
    }

    static UUID committedCateringLine(UUID eventId) {
        UUID lineId = addLine(eventId, line("CATERING", "FIXED", "3000.00", null));
        organizer().body(Map.of("poNumber", "PO-" + lineId.toString().substring(0, 8), "amount", money("2800.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        return lineId;
    }

    @Test
    void aReSentInvoiceIsNotCountedTwiceAndADifferentAmountUnderTheSameNumberIsRefused() {
        UUID eventId = budgetedEvent();
        UUID uncommitted = addLine(eventId, line("AV", "FIXED", "100.00", null));
        String number = "INV-" + UUID.randomUUID();
        finance().body(invoice("Feast & Co", number, "1200.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, uncommitted).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/line-not-committed"));

        UUID lineId = committedCateringLine(eventId);
        finance().body(invoice("Feast & Co", number, "1200.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(201)
                .body("amount", equalTo(money("1200.00")));
        // The same invoice again, the vendor spelled differently: recognised, not counted.
        finance().body(invoice(" FEAST & CO", number, "1200.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(200);
        finance().body(invoice("Feast & Co", number, "1250.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/invoice-conflict"));
        finance().body(invoice("Feast & Co", "INV-2-" + number, "1200.005"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("amount"));
        organizer().body(invoice("Feast & Co", "INV-3-" + number, "1.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(403);

        JsonPath budget = organizer().get("/api/events/{e}/budget", eventId).then().extract().jsonPath();
        assertThat(budget.getObject("totals.actual", BigDecimal.class)).isEqualTo(money("1200.00"));
        assertThat(budget.getObject("totals.committed", BigDecimal.class)).isEqualTo(money("2800.00"));
        assertThat(budget.getObject("totals.forecast", BigDecimal.class)).isEqualTo(money("3100.00"));
        LineItemsAndForecastTest.assertTotalsAreSumsOfLines(budget);
    }

    @Test
    void sixteenConcurrentDeliveriesOfOneInvoiceRecordItOnce() throws Exception {
        UUID eventId = budgetedEvent();
        UUID lineId = committedCateringLine(eventId);
        String number = "INV-" + UUID.randomUUID();
        int deliveries = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return finance().body(invoice("Racing Caterers", number, "999.99"))
                        .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(deliveries - 1);
        organizer().get("/api/events/{e}/budget", eventId).then().body("totals.actual", equalTo(money("999.99")));
        List<Map<String, Object>> actuals = finance().get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(200).extract().jsonPath().getList("entries.findAll { it.kind == 'ACTUAL' }");
        assertThat(actuals).singleElement().satisfies(e -> assertThat(e.get("budgetAmount")).isEqualTo(money("999.99")));
    }

    @Test
    void theLedgerHoldsEveryMonetaryChangeSumsToTheLinesAndCannotBeRewritten() throws SQLException {
        UUID eventId = budgetedEvent();
        UUID lineId = committedCateringLine(eventId);
        organizer().body(line("CATERING", "FIXED", "3200.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(200);
        organizer().body(Map.of("poNumber", "PO-AMENDED", "amount", money("2500.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        finance().body(invoice("Feast & Co", "INV-" + UUID.randomUUID(), "700.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(201);

        JsonPath ledger = finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(ledger.getList("entries.kind", String.class))
                .containsExactly("ESTIMATE", "COMMITMENT", "ESTIMATE", "COMMITMENT", "ACTUAL");
        assertThat(ledger.getList("entries.budgetAmount", BigDecimal.class)).containsExactly(money("3000.00"),
                money("2800.00"), money("200.00"), money("-300.00"), money("700.00"));
        JsonPath budget = organizer().get("/api/events/{e}/budget", eventId).then().extract().jsonPath();
        for (String kind : List.of("ESTIMATE", "COMMITMENT", "ACTUAL")) {
            BigDecimal sum = ledger
                    .getList("entries.findAll { it.kind == '" + kind + "' }.budgetAmount", BigDecimal.class)
                    .stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            String total = switch (kind) {
                case "ESTIMATE" -> "totals.estimate";
                case "COMMITMENT" -> "totals.committed";
                default -> "totals.actual";
            };
            assertThat(budget.getObject(total, BigDecimal.class)).as(kind).isEqualByComparingTo(sum);
        }

        try (Connection db = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres",
                "postgres"); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(
                    "update ledger_entry set amount = 0 where event_id = '" + eventId + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from ledger_entry where event_id = '" + eventId + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(finance().get("/api/events/{e}/budget/ledger", eventId).then().extract().jsonPath()
                .getList("entries")).hasSize(5);
    }
}
