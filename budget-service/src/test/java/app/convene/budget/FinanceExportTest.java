package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FinanceExportTest {
    /** The period read: today with a day on either side, so a run across midnight (UTC) still holds its entries. */
    static final String FROM = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    /** A USD line committed at 0.90 and invoiced: amounts in budget and original currency, with the rate. */
    static UUID eventWithPurchaseOrderAndInvoice() {
        UUID eventId = budgetedEvent();
        rate("USD", "EUR", "0.90");
        UUID lineId = addLine(eventId, line("AV", "FIXED", "1000.00", "USD"));
        organizer().body(Map.of("poNumber", "PO-AV-1", "amount", money("1000.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        finance().body(Map.of("vendor", "Stage Lights Inc", "invoiceNumber", "SL-" + UUID.randomUUID(), "amount",
                money("333.33"), "issuedOn", LocalDate.now(ZoneOffset.UTC).toString())).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId)
                .then().statusCode(201);
        return eventId;
    }

    @Test
    void theJournalBalancesCarriesBothCurrenciesAndIsIdenticalWhenExportedAgain() {
        UUID eventId = eventWithPurchaseOrderAndInvoice();
        JsonPath journal = finance().accept("application/json").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> ours = journal.getList("lines.findAll { it.eventId == '" + eventId + "' }");
        assertThat(ours).extracting(l -> l.get("entryType") + "/" + l.get("side") + "/" + l.get("glAccount") + "/"
                + l.get("amount") + " " + l.get("currency") + "/" + l.get("originalAmount") + " "
                + l.get("originalCurrency") + "/" + l.get("poNumber"))
                .containsExactly(
                        "PURCHASE_ORDER/DEBIT/2900/900.00 EUR/1000.00 USD/PO-AV-1",
                        "PURCHASE_ORDER/CREDIT/2910/900.00 EUR/1000.00 USD/PO-AV-1",
                        "INVOICE/DEBIT/6400/300.00 EUR/333.33 USD/PO-AV-1",
                        "INVOICE/CREDIT/2000/300.00 EUR/333.33 USD/PO-AV-1");
        assertThat(ours).allSatisfy(l -> {
            assertThat(l.get("costCentre")).isEqualTo("CC-4100");
            assertThat((BigDecimal) l.get("rate")).isEqualByComparingTo("0.9");
        });
        // Debits equal credits, per currency, over the whole period.
        for (Map<String, Object> balance : journal.<Map<String, Object>>getList("balances")) {
            assertThat((BigDecimal) balance.get("debit")).isEqualByComparingTo((BigDecimal) balance.get("credit"));
        }
        BigDecimal debits = sum(journal.getList("lines.findAll { it.side == 'DEBIT' }.amount", BigDecimal.class));
        BigDecimal credits = sum(journal.getList("lines.findAll { it.side == 'CREDIT' }.amount", BigDecimal.class));
        assertThat(debits).isEqualByComparingTo(credits);

        String first = finance().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        String again = finance().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(first.lines().findFirst()).hasValue("\"id\",\"entryId\",\"postedAt\",\"entryType\",\"side\","
                + "\"glAccount\",\"costCentre\",\"poNumber\",\"eventId\",\"lineItemId\",\"vendor\",\"amount\","
                + "\"currency\",\"originalAmount\",\"originalCurrency\",\"rate\",\"description\"");
        assertThat(first.lines().filter(l -> l.contains(eventId.toString()))).hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("\"INVOICE\",\"DEBIT\",\"6400\"").contains(",300.00,\"EUR\",333.33,\"USD\",0.9000000000,")
                        .contains("\"Stage Lights Inc\""));
    }

    @Test
    void aVendorThatASpreadsheetWouldRunAsAFormulaIsExportedAsTextWhileAmountsStayNumbers() {
        UUID eventId = budgetedEvent();
        UUID lineId = addLine(eventId, line("CATERING", "FIXED", "500.00", "EUR"));
        organizer().body(Map.of("poNumber", "PO-F-1", "amount", money("500.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        finance().body(Map.of("vendor", "=cmd|' /C calc'!A0", "invoiceNumber", "F-" + UUID.randomUUID(), "amount",
                money("120.00"), "issuedOn", LocalDate.now(ZoneOffset.UTC).toString())).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId)
                .then().statusCode(201);

        String csv = finance().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(l -> l.contains(eventId.toString())).filter(l -> l.contains("INVOICE")))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains(",\"'=cmd|' /C calc'!A0\",120.00,\"EUR\","));
        assertThat(csv).doesNotContain("\"=cmd");
        String json = finance().accept("application/json").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(200).extract().asString();
        assertThat(json).contains("\"vendor\":\"=cmd|' /C calc'!A0\"");
    }

    @Test
    void aPeriodMustBeTwoDatesInOrderAndOnlyFinanceExports() {
        finance().accept("application/json").queryParam("from", "2027-03-31").queryParam("to", "2027-03-01")
                .get("/api/finance/journal").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        finance().accept("text/csv").queryParam("from", "March").queryParam("to", "2027-03-01")
                .get("/api/finance/journal").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        finance().accept("application/json").queryParam("from", "2027-03-01").get("/api/finance/journal").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        // A year past four digits names its field: PostgreSQL could not compare a timestamp with it.
        finance().accept("text/csv").queryParam("from", "2027-03-01").queryParam("to", "+300000-12-31")
                .get("/api/finance/journal").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        organizer().accept("application/json").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/finance/journal").then().statusCode(403);
        finance().accept("application/json").queryParam("from", "2001-01-01").queryParam("to", "2001-01-31")
                .get("/api/finance/journal").then().statusCode(200).body("lines", org.hamcrest.Matchers.empty());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
