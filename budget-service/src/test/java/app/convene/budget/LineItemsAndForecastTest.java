package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.headcount;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.access.EventAccessStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LineItemsAndForecastTest {

    static JsonPath budget(UUID eventId) {
        return organizer().get("/api/events/{e}/budget", eventId).then().statusCode(200).extract().jsonPath();
    }

    /** Totals are the sums of the lines' figures, whatever the state. */
    static void assertTotalsAreSumsOfLines(JsonPath budget) {
        for (String figure : List.of("estimate", "committed", "actual", "forecast", "variance")) {
            List<BigDecimal> lines = budget.getList("lines." + figure, BigDecimal.class);
            BigDecimal sum = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(budget.getObject("totals." + figure, BigDecimal.class)).as(figure).isEqualByComparingTo(sum);
        }
    }

    @Test
    void theOrganizerEstimatesFixedAndPerAttendeeCostsAndTheyFollowTheHeadcount() {
        UUID eventId = budgetedEvent();
        organizer().body(Map.of("showUpRate", money("0.9"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("showUpRate", equalTo(money("0.9")));
        addLine(eventId, line("VENUE", "FIXED", "5000.00", null));
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "24.50", null));
        JsonPath empty = budget(eventId);
        assertThat(empty.getObject("totals.estimate", BigDecimal.class)).isEqualTo(money("5000.00"));
        assertTotalsAreSumsOfLines(empty);

        // 100 confirmed, 90 % expected to show up: catering is 90 × 24.50.
        headcount(eventId, 1, 100, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath b = budget(eventId);
            assertThat(b.getObject("headcount.basis", BigDecimal.class)).isEqualByComparingTo("90");
            assertThat(b.getString("headcount.basisSource")).isEqualTo("EXPECTED_SHOW_UP");
            assertThat(b.getObject("totals.estimate", BigDecimal.class)).isEqualTo(money("7205.00"));
            assertThat(b.getObject("totals.forecast", BigDecimal.class)).isEqualTo(money("7205.00"));
            assertThat(b.getObject("costPerAttendee.forecast", BigDecimal.class)).isEqualTo(money("80.06"));
            assertTotalsAreSumsOfLines(b);
        });
        assertThat(Api.announcements(eventId, "budget.forecast-changed.v2")).isNotEmpty()
                .last().satisfies(r -> assertThat(Api.payload(r).get("forecastTotal").decimalValue())
                        .isEqualTo(money("7205.00")));
    }

    /**
     * Each amount entered has at most fifteen integer digits; what the budget works out from them may have more. A
     * line of a quadrillion less a cent per attendee answered 500, and a headcount that took a forecast past 10^15
     * was set aside as a dead letter, the budget keeping its old headcount.
     */
    @Test
    void figuresPastAQuadrillionAreWorkedOutExactlyAndTheHeadcountStillApplies() {
        UUID eventId = budgetedEvent();
        headcount(eventId, 1, 3, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                budget(eventId).getObject("headcount.basis", BigDecimal.class)).isEqualByComparingTo("3"));
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "999999999999999.99", null));
        assertThat(budget(eventId).getObject("totals.estimate", BigDecimal.class))
                .isEqualTo(money("2999999999999999.97"));

        headcount(eventId, 2, 1_000_000, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath b = budget(eventId);
            assertThat(b.getObject("headcount.basis", BigDecimal.class)).isEqualByComparingTo("1000000");
            assertThat(b.getObject("totals.forecast", BigDecimal.class))
                    .isEqualTo(money("999999999999999990000.00"));
            assertTotalsAreSumsOfLines(b);
        });
        assertThat(Api.announcements(eventId, "budget.forecast-changed.v2")).last()
                .satisfies(r -> assertThat(Api.payload(r).get("forecastTotal").decimalValue())
                        .isEqualTo(money("999999999999999990000.00")));
    }

    @Test
    void amountsAreRoundedHalfEvenToTheCurrencysMinorUnitLineByLine() {
        UUID eventId = budgetedEvent();
        headcount(eventId, 1, 1, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                budget(eventId).getObject("headcount.basis", BigDecimal.class)).isEqualByComparingTo("1"));
        // Sub-cent costs per attendee: 0.125 → 0.12 and 0.375 → 0.38 (half-even), not 0.13 + 0.38.
        addLine(eventId, line("MARKETING", "PER_ATTENDEE", "0.125", null));
        addLine(eventId, line("MARKETING", "PER_ATTENDEE", "0.375", null));
        JsonPath b = budget(eventId);
        assertThat(b.getList("lines.estimate", BigDecimal.class)).containsExactly(money("0.12"), money("0.38"));
        assertThat(b.getObject("totals.estimate", BigDecimal.class)).isEqualTo(money("0.50"));

        // Yen have no minor unit: a budget in JPY shows whole yen.
        UUID yen = budgetedEvent(Instant.now().plus(Duration.ofDays(40)), "JPY");
        addLine(yen, line("TRAVEL", "FIXED", "150000", null));
        organizer().body(line("TRAVEL", "FIXED", "100.5", null)).post("/api/events/{e}/budget/lines", yen).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("unitAmount"))
                .body("errors.message", hasItem("must have at most 0 decimals in JPY"));
        assertThat(budget(yen).getObject("totals.estimate", BigDecimal.class)).isEqualTo(money("150000"));
    }

    @Test
    void aLineInAnotherCurrencyConvertsAtTheRateLockedWhenItIsCommitted() {
        UUID eventId = budgetedEvent();
        Map<String, Object> av = line("AV", "FIXED", "1000.00", "CHF");
        organizer().body(av).post("/api/events/{e}/budget/lines", eventId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/exchange-rate-missing"));

        rate("CHF", "EUR", "0.92");
        UUID committed = addLine(eventId, av);
        UUID floating = addLine(eventId, line("TRAVEL", "FIXED", "500.00", "CHF"));
        organizer().body(Map.of("poNumber", "PO-1", "amount", money("1000.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, committed).then().statusCode(200)
                .body("rate", equalTo(money("0.9200000000"))).body("rateLocked", equalTo(true))
                .body("committed", equalTo(money("920.00")));

        rate("CHF", "EUR", "0.95");
        JsonPath b = budget(eventId);
        Map<String, Object> lockedLine = b.getMap("lines.find { it.id == '" + committed + "' }");
        Map<String, Object> floatingLine = b.getMap("lines.find { it.id == '" + floating + "' }");
        assertThat((BigDecimal) lockedLine.get("estimate")).isEqualTo(money("920.00"));
        assertThat((BigDecimal) floatingLine.get("estimate")).isEqualTo(money("475.00"));
        assertThat(b.getObject("totals.committed", BigDecimal.class)).isEqualTo(money("920.00"));
        assertTotalsAreSumsOfLines(b);

        // A line keeps its currency: changing it would mix currencies in its ledger.
        organizer().body(line("TRAVEL", "FIXED", "500.00", "EUR"))
                .put("/api/events/{e}/budget/lines/{l}", eventId, floating).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/line-currency-fixed"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        UUID eventId = budgetedEvent();
        organizer().body(line("CATERING", "FIXED", "10.005", null)).post("/api/events/{e}/budget/lines", eventId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("unitAmount"));
        organizer().body(Map.of("category", "CANAPES", "description", "x", "kind", "FIXED", "unitAmount", 1,
                "glAccount", "6400")).post("/api/events/{e}/budget/lines", eventId).then().statusCode(400)
                .body("errors.field", hasItem("category"));
        organizer().body(line("CATERING", "FIXED", "-1", null)).post("/api/events/{e}/budget/lines", eventId)
                .then().statusCode(400).body("errors.field", hasItem("unitAmount"));
        organizer().body("").post("/api/events/{e}/budget/lines", eventId).then().statusCode(400)
                .contentType("application/problem+json");
        organizer().body(line("CATERING", "FIXED", "1.00", "XYZ")).post("/api/events/{e}/budget/lines", eventId)
                .then().statusCode(400).body("errors.field", hasItem("currency"));
        organizer().body(Map.of("showUpRate", money("1.5"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(400).body("errors.field", hasItem("showUpRate"));
        Api.as("attendee", "a@example.com").body(line("CATERING", "FIXED", "1.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(403);
        organizer().body(line("CATERING", "FIXED", "1.00", null))
                .post("/api/events/{e}/budget/lines", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(budget(eventId).getList("lines")).isEmpty();
        assertThat(finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200).extract()
                .jsonPath().getList("entries")).isEmpty();
    }

    @Inject
    EventAccessStore accessStore;

    @Test
    void aBudgetCanBeCreatedDirectlyOnce() {
        UUID eventId = UUID.randomUUID();
        // Nobody creates a budget for an event not known to be of their organisation.
        organizer().body(Map.of("currency", "GBP")).put("/api/events/{e}/budget", eventId).then().statusCode(404)
                .contentType("application/problem+json");
        // The event's access is known (as registration-service announced it), its budget not yet.
        QuarkusTransaction.requiringNew().run(() -> accessStore.save(eventId, Api.ownedByOrganizer()));
        organizer().body(Map.of("currency", "GBP", "department", "Marketing", "costCentre", "CC-7"))
                .put("/api/events/{e}/budget", eventId).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/events/" + eventId + "/budget"))
                .body("status", equalTo("DRAFT")).body("currency", equalTo("GBP"))
                .body("totals.forecast", equalTo(money("0.00")));
        organizer().body(Map.of("tolerancePercent", money("10"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("currency", equalTo("GBP")).body("tolerancePercent", equalTo(10));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(Api.announcements(eventId, "budget.created.v1")).hasSize(1));
    }
}
