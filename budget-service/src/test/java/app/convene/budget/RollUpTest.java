package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RollUpTest {

    static UUID budgetOf(String department, String startsAt, String currency) {
        UUID eventId = budgetedEvent(Instant.parse(startsAt), currency);
        organizer().body(Map.of("department", department)).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200);
        return eventId;
    }

    /** JSON numbers without decimals (JPY) come back as integers. */
    static BigDecimal dec(Object value) {
        return new BigDecimal(value.toString());
    }

    static Map<String, Object> departmentOf(JsonPath rollUp, String department) {
        List<Map<String, Object>> matching = rollUp.getList("departments.findAll { it.department == '" + department
                + "' }");
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void budgetsOfEventsStartingInThePeriodAreRolledUpInTheAllowancesCurrency() {
        String department = "Marketing-" + UUID.randomUUID();
        finance().body(Map.of("amount", money("5000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, "2031-Q2").then().statusCode(201)
                .body("amount", equalTo(money("5000.00"))).body("period", equalTo("2031-Q2"));
        finance().body(Map.of("amount", money("3000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, "2031-Q2").then().statusCode(200)
                .body("amount", equalTo(money("3000.00")));

        // In EUR, approved at 1000.00, then 400.00 invoiced: counted.
        UUID approved = budgetOf(department, "2031-04-10T08:00:00Z", "EUR");
        UUID lineId = addLine(approved, line("VENUE", "FIXED", "1000.00", null));
        organizer().post("/api/events/{e}/budget/submission", approved).then().statusCode(200);
        finance().post("/api/events/{e}/budget/approval", approved).then().statusCode(200);
        organizer().body(Map.of("poNumber", "PO-R-1", "amount", money("1000.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", approved, lineId).then().statusCode(200);
        finance().body(Map.of("vendor", "Hall", "invoiceNumber", "R-" + UUID.randomUUID(), "amount",
                money("400.00"), "issuedOn", "2031-04-11")).post("/api/events/{e}/budget/lines/{l}/invoices",
                        approved, lineId).then().statusCode(201);
        // In NOK, 2000.00 NOK at 0.085: 170.00 EUR of forecast.
        UUID foreign = budgetOf(department, "2031-05-01T08:00:00Z", "NOK");
        addLine(foreign, line("AV", "FIXED", "2000.00", null));
        // 23:30 UTC on 31 March is 1 April in Berlin, where it takes place: counted.
        UUID berlinApril = budgetOf(department, "2031-03-31T23:30:00Z", "EUR");
        addLine(berlinApril, line("CATERING", "FIXED", "500.00", null));
        // 22:30 UTC on 30 June is 1 July in Berlin: the next quarter, not counted.
        UUID berlinJuly = budgetOf(department, "2031-06-30T22:30:00Z", "EUR");
        addLine(berlinJuly, line("CATERING", "FIXED", "7000.00", null));

        // No NOK → EUR rate yet: refused, naming the pair.
        finance().queryParam("period", "2031-Q2").get("/api/roll-up").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("exchange-rate-missing"))
                .body("detail", containsString("from NOK to EUR"));
        rate("NOK", "EUR", "0.085");

        Map<String, Object> q2 = departmentOf(finance().queryParam("period", "2031-Q2").get("/api/roll-up").then()
                .statusCode(200).body("from", equalTo("2031-04-01")).body("to", equalTo("2031-06-30"))
                .extract().jsonPath(), department);
        assertThat(q2).containsEntry("currency", "EUR").containsEntry("budgets", 3)
                .containsEntry("approvedBudgets", 1).containsEntry("overUnder", "UNDER");
        assertThat(dec(q2.get("allowance"))).isEqualTo(money("3000.00"));
        assertThat(dec(q2.get("approvedTotal"))).isEqualTo(money("1000.00"));
        assertThat(dec(q2.get("forecastTotal"))).isEqualTo(money("1670.00"));
        assertThat(dec(q2.get("actualTotal"))).isEqualTo(money("400.00"));
        assertThat(dec(q2.get("remaining"))).isEqualTo(money("1330.00"));

        // A month and a year: April holds the approved budget and the Berlin one; the year holds all four and has
        // no allowance, so it is reported without one, in the requested currency.
        Map<String, Object> april = departmentOf(organizer().queryParam("period", "2031-04").get("/api/roll-up")
                .then().statusCode(200).extract().jsonPath(), department);
        assertThat(april).containsEntry("budgets", 2).containsEntry("allowance", null)
                .containsEntry("remaining", null).containsEntry("overUnder", null);
        assertThat(dec(april.get("forecastTotal"))).isEqualTo(money("1500.00"));
        Map<String, Object> year = departmentOf(finance().queryParam("period", "2031").queryParam("currency", "EUR")
                .get("/api/roll-up").then().statusCode(200).extract().jsonPath(), department);
        assertThat(year).containsEntry("budgets", 4);
        assertThat(dec(year.get("forecastTotal"))).isEqualTo(money("8670.00"));

        // A lower allowance puts the department over it.
        finance().body(Map.of("amount", money("1000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, "2031-Q2").then().statusCode(200);
        Map<String, Object> over = departmentOf(finance().queryParam("period", "2031-Q2").get("/api/roll-up").then()
                .statusCode(200).extract().jsonPath(), department);
        assertThat(over).containsEntry("overUnder", "OVER");
        assertThat(dec(over.get("remaining"))).isEqualTo(money("-670.00"));
    }

    @Test
    void anAllowanceInAnotherCurrencyConvertsEveryBudgetAndADepartmentWithoutBudgetsStillShows() {
        String department = "Events-" + UUID.randomUUID();
        String empty = "Empty-" + UUID.randomUUID();
        finance().body(Map.of("amount", money("100000"), "currency", "JPY"))
                .put("/api/departments/{d}/allowances/{p}", department, "2032-01").then().statusCode(201);
        finance().body(Map.of("amount", money("10.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", empty, "2032-01").then().statusCode(201);
        UUID eventId = budgetOf(department, "2032-01-15T10:00:00Z", "EUR");
        addLine(eventId, line("AV", "FIXED", "333.33", null));
        finance().queryParam("period", "2032-01").get("/api/roll-up").then().statusCode(409)
                .body("detail", containsString("from EUR to JPY"));
        rate("EUR", "JPY", "161.5");

        JsonPath rollUp = finance().queryParam("period", "2032-01").get("/api/roll-up").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> converted = departmentOf(rollUp, department);
        // 333.33 × 161.5 = 53832.795 → 53833 JPY (no minor unit).
        assertThat(converted).containsEntry("currency", "JPY");
        assertThat(dec(converted.get("forecastTotal"))).isEqualTo(money("53833"));
        assertThat(dec(converted.get("remaining"))).isEqualTo(money("46167"));
        Map<String, Object> none = departmentOf(rollUp, empty);
        assertThat(none).containsEntry("budgets", 0).containsEntry("overUnder", "UNDER");
        assertThat(dec(none.get("forecastTotal"))).isEqualTo(money("0.00"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOnlyFinanceSetsAllowances() {
        for (String period : List.of("2031-Q5", "2031-13", "31-01", "2031-1", "Q1-2031")) {
            finance().body(Map.of("amount", money("1.00"), "currency", "EUR"))
                    .put("/api/departments/{d}/allowances/{p}", "Sales", period).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("period"));
            finance().queryParam("period", period).get("/api/roll-up").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("period"));
        }
        finance().get("/api/roll-up").then().statusCode(400).body("errors.field", hasItem("period"));
        finance().queryParam("period", "2031").queryParam("currency", "XYZ").get("/api/roll-up").then()
                .statusCode(400).body("errors.field", hasItem("currency"));
        finance().body(Map.of("amount", money("10.005"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", "Sales", "2031").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        finance().body(Map.of("amount", money("-1"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", "Sales", "2031").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        finance().body(Map.of("amount", money("1"), "currency", "XYZ"))
                .put("/api/departments/{d}/allowances/{p}", "Sales", "2031").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        finance().body(Map.of("amount", money("1"))).put("/api/departments/{d}/allowances/{p}", "Sales", "2031")
                .then().statusCode(400).body("errors.field", hasItem("currency"));
        finance().body(Map.of("amount", money("1"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", " ", "2031").then().statusCode(400)
                .body("errors.field", hasItem("department"));
        organizer().body(Map.of("amount", money("1.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", "Sales", "2031").then().statusCode(403);
    }
}
