package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.announcements;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An organizer withdraws a line the event no longer needs: it leaves the totals (and the announced forecast) but
 * stays on the budget as withdrawn, with the reason, and in the ledger, where an entry takes its estimate back out.
 */
@QuarkusTest
class LineWithdrawalTest {

    @Test
    void aWithdrawnLineLeavesTheTotalsButStaysInTheLedgerWithTheReason() {
        UUID eventId = budgetedEvent();
        UUID keynote = addLine(eventId, line("AV", "FIXED", "1000.00", null));
        UUID dinner = addLine(eventId, line("CATERING", "FIXED", "250.40", null));
        organizer().get("/api/events/{e}/budget", eventId).then().body("totals.estimate", equalTo(money("1250.40")));

        String key = UUID.randomUUID().toString();
        JsonPath budget = organizer().header("Idempotency-Key", key).body(Map.of("reason", "The partner pays the dinner"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, dinner).then().statusCode(200)
                .body("totals.estimate", equalTo(money("1000.00"))).body("totals.forecast", equalTo(money("1000.00")))
                .body("lines", hasSize(1)).body("lines[0].id", equalTo(keynote.toString()))
                .body("withdrawnLines", hasSize(1)).body("withdrawnLines[0].id", equalTo(dinner.toString()))
                .body("withdrawnLines[0].reason", equalTo("The partner pays the dinner"))
                .body("withdrawnLines[0].withdrawnBy", equalTo(Api.ORGANIZER))
                .extract().jsonPath();
        assertThat(budget.getString("withdrawnLines[0].withdrawnAt")).isNotNull();

        // The same request again answers the first withdrawal; a new one finds the line withdrawn.
        String replay = organizer().header("Idempotency-Key", key).body(Map.of("reason", "The partner pays the dinner"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, dinner).then().statusCode(200).extract()
                .asString();
        assertThat(JsonPath.from(replay).getString("withdrawnLines[0].withdrawnAt"))
                .isEqualTo(budget.getString("withdrawnLines[0].withdrawnAt"));
        organizer().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "again"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, dinner).then().statusCode(409)
                .body("type", containsString("line-withdrawn"));
        organizer().body(line("CATERING", "FIXED", "999.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, dinner).then().statusCode(409)
                .body("type", containsString("line-withdrawn"));

        // In the ledger: the line's estimate in, and taken out again with the reason.
        List<Map<String, Object>> ledger = finance().get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(200).extract().path("entries.findAll { it.lineItemId == '" + dinner + "' }");
        assertThat(ledger).extracting(e -> e.get("kind") + " " + e.get("budgetAmount"))
                .containsExactly("ESTIMATE 250.40", "ESTIMATE -250.40");
        assertThat(ledger.get(1).get("description").toString()).contains("The partner pays the dinner");
        BigDecimal sum = finance().get("/api/events/{e}/budget/ledger", eventId).then().extract()
                .<List<BigDecimal>>path("entries.budgetAmount").stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("1000.00");

        // The announced forecast no longer holds the line.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                announcements(eventId, "budget.forecast-changed.v2")).last().satisfies(r -> assertThat(
                        payload(r).get("forecastTotal").decimalValue()).isEqualByComparingTo("1000.00")));
    }

    @Test
    void aLineWithMoneyCommittedIsNotWithdrawnAndAReasonIsRequired() {
        UUID eventId = budgetedEvent();
        UUID lineId = addLine(eventId, line("VENUE", "FIXED", "5000.00", null));
        organizer().body(Map.of("poNumber", "PO-W-1", "amount", money("5000.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        organizer().body(Map.of("reason", "cheaper elsewhere"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then().statusCode(409)
                .body("type", containsString("line-committed")).body("detail", containsString("PO-W-1"));
        organizer().body(Map.of("reason", " "))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("reason"));
        organizer().body(Map.of()).post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then()
                .statusCode(400).body(containsString("reason"));
        // With the purchase order amended to nothing, the line may go.
        organizer().body(Map.of("poNumber", "PO-W-1", "amount", money("0.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        organizer().body(Map.of("reason", "cheaper elsewhere"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then().statusCode(200)
                .body("totals.estimate", equalTo(money("0.00"))).body("totals.committed", equalTo(money("0.00")))
                .body("withdrawnLines[0].poNumber", equalTo("PO-W-1"));
        // A withdrawn line takes no purchase order and no invoice.
        organizer().body(Map.of("poNumber", "PO-W-1", "amount", money("10.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(409)
                .body("type", containsString("line-withdrawn"));
        finance().body(Map.of("vendor", "Hall", "invoiceNumber", "W-1", "amount", money("10.00"), "issuedOn",
                "2031-01-01")).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then()
                .statusCode(409).body("type", containsString("line-withdrawn"));
        organizer().body(Map.of("reason", "x"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, UUID.randomUUID()).then()
                .statusCode(404);
    }
}
