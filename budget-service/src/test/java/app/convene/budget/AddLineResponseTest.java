package app.convene.budget;

import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Adding a line answers that line and the budget's totals, not the whole budget. */
@QuarkusTest
class AddLineResponseTest {

    @Test
    void addingALineAnswersTheLineAndTheTotalsTheBudgetViewAgreesWith() {
        UUID eventId = budgetedEvent();
        rate("GBP", "EUR", "1.15");
        organizer().body(line("VENUE", "FIXED", "5000.00", null)).post("/api/events/{e}/budget/lines", eventId)
                .then().statusCode(201);
        Response added = organizer().body(line("TRAVEL", "FIXED", "200.00", "GBP"))
                .post("/api/events/{e}/budget/lines", eventId);
        added.then().statusCode(201);
        JsonPath body = added.jsonPath();
        String location = added.header("Location");
        assertThat(location).endsWith("/budget/lines/" + body.getString("line.id"));
        assertThat(body.getString("eventId")).isEqualTo(eventId.toString());
        assertThat(body.getString("status")).isEqualTo("DRAFT");
        assertThat(body.getString("line.currency")).isEqualTo("GBP");
        assertThat(new BigDecimal(body.getString("line.estimate"))).isEqualTo(money("230.00"));
        assertThat(new BigDecimal(body.getString("totals.estimate"))).isEqualTo(money("5230.00"));
        assertThat(new BigDecimal(body.getString("totals.forecast"))).isEqualTo(money("5230.00"));
        assertThat(body.getMap("").keySet()).doesNotContain("lines");

        JsonPath view = organizer().get("/api/events/{e}/budget", eventId).then().statusCode(200).extract()
                .jsonPath();
        for (String figure : List.of("estimate", "committed", "actual", "forecast", "variance")) {
            assertThat(new BigDecimal(body.getString("totals." + figure)))
                    .as(figure).isEqualTo(new BigDecimal(view.getString("totals." + figure)));
        }
        assertThat(view.getList("lines")).hasSize(2);
    }
}
