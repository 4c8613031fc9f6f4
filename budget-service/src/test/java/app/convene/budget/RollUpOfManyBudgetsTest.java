package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.headcount;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A finance lead rolls up a quarter of a department's budgets, read together: in three currencies, with lines per
 * attendee on different headcounts and lines in a fourth currency. Each budget counts exactly as its own summary
 * shows it, converted into the roll-up's currency, in the department's totals and in the tree's.
 */
@QuarkusTest
class RollUpOfManyBudgetsTest {

    @Test
    void aRollUpOfManyBudgetsCountsEachAsItsOwnSummary() {
        String department = "Field-" + UUID.randomUUID();
        // The roll-up is in PLN; the budgets are in EUR, SEK and JPY; some lines are in HUF.
        Map<String, BigDecimal> intoPln = Map.of("EUR", new BigDecimal("4.3"), "SEK", new BigDecimal("0.37"),
                "JPY", new BigDecimal("0.027"), "PLN", BigDecimal.ONE);
        intoPln.forEach((currency, rate) -> {
            if (!currency.equals("PLN")) {
                rate(currency, "PLN", rate.toPlainString());
            }
        });
        rate("HUF", "EUR", "0.0025");
        rate("HUF", "SEK", "0.029");
        rate("HUF", "JPY", "0.41");

        List<UUID> budgets = new ArrayList<>();
        String[] currencies = { "EUR", "SEK", "JPY" };
        for (int i = 0; i < 9; i++) {
            String currency = currencies[i % 3];
            UUID eventId = budgetedEvent(Instant.parse("2032-07-" + (10 + i) + "T08:00:00Z"), currency);
            organizer().body(Map.of("department", department)).put("/api/events/{e}/budget", eventId).then()
                    .statusCode(200);
            int confirmed = 10 + 7 * i;
            headcount(eventId, 1, confirmed, 0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(summary(eventId)
                    .getInt("headcount.confirmed")).isEqualTo(confirmed));
            boolean yen = currency.equals("JPY");
            addLine(eventId, line("VENUE", "FIXED", yen ? (150000 + 1111 * i) + "" : (1000 + 111 * i) + ".50", null));
            addLine(eventId, line("CATERING", "PER_ATTENDEE", yen ? "1835" : "12.35", null));
            if (i % 2 == 0) {
                addLine(eventId, line("AV", "FIXED", (20000 + 999 * i) + "", "HUF"));
            }
            budgets.add(eventId);
        }

        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (UUID eventId : budgets) {
            JsonPath own = summary(eventId);
            BigDecimal forecast = new BigDecimal(own.getString("totals.forecast"));
            sum = sum.add(forecast.multiply(intoPln.get(own.getString("currency")))
                    .setScale(2, RoundingMode.HALF_EVEN));
        }
        BigDecimal expected = sum;
        JsonPath rollUp = finance().queryParam("period", "2032-Q3").queryParam("currency", "PLN")
                .get("/api/roll-up").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = rollUp.getList("departments.findAll { it.department == '" + department
                + "' }");
        assertThat(mine).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("currency", "PLN").containsEntry("budgets", 9);
            assertThat(new BigDecimal(d.get("forecastTotal").toString())).isEqualByComparingTo(expected);
        });
        JsonPath tree = finance().queryParam("period", "2032-Q3").queryParam("currency", "PLN")
                .get("/api/roll-up/tree").then().statusCode(200).extract().jsonPath();
        Map<String, Object> node = tree.getMap("departments.find { it.department == '" + department + "' }");
        assertThat(new BigDecimal(((Map<?, ?>) node.get("own")).get("forecast").toString()))
                .isEqualByComparingTo(expected);
    }

    private static JsonPath summary(UUID eventId) {
        return finance().get("/api/events/{e}/budget/summary", eventId).then().statusCode(200).extract().jsonPath();
    }
}
