package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** What budget announces for the post-event briefing: estimate, forecast, commitment and actual per category. */
@QuarkusTest
class ForecastByCategoryTest {

    @Test
    void forecastChangedV2CarriesEachCategoryAndAnInvoiceBelowTheEstimateIsAnnounced() {
        UUID eventId = budgetedEvent();
        addLine(eventId, line("VENUE", "FIXED", "5000.00", null));
        addLine(eventId, line("CATERING", "FIXED", "1000.00", null));
        UUID catering = addLine(eventId, line("CATERING", "FIXED", "2000.00", null));
        organizer().body(Map.of("poNumber", "PO-" + catering.toString().substring(0, 8), "amount", money("1800.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, catering).then().statusCode(200);
        // Invoiced below its estimate: the forecast total stays 8000.00, the actual figures change all the same.
        finance().body(Map.of("vendor", "Feast & Co", "invoiceNumber", "INV-" + eventId, "amount",
                money("1750.00"), "issuedOn", "2027-03-12"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, catering).then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announcements(eventId, "budget.forecast-changed.v2")).last().satisfies(r -> {
                    JsonNode p = Api.payload(r);
                    assertThat(p.get("forecastTotal").decimalValue()).isEqualTo(money("8000.00"));
                    assertThat(p.get("actualTotal").decimalValue()).isEqualTo(money("1750.00"));
                    JsonNode categories = p.get("categories");
                    assertThat(categories).hasSize(2);
                    assertCategory(categories.get(0), "VENUE", "5000.00", "5000.00", "0.00", "0.00");
                    assertCategory(categories.get(1), "CATERING", "3000.00", "3000.00", "1800.00", "1750.00");
                }));
        // Every announcement of the budget carries its categories; none is announced in version 1 any more.
        assertThat(Api.announcements(eventId, "budget.forecast-changed.v2")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(r -> assertThat(Api.payload(r).get("categories").isArray()).isTrue());
        assertThat(Api.announcements(eventId, "budget.forecast-changed.v1")).isEmpty();
        List<Long> sequences = Api.announcements(eventId, "budget.forecast-changed.v2").stream()
                .map(r -> Api.payload(r).get("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    private static void assertCategory(JsonNode category, String name, String estimate, String forecast,
            String committed, String actual) {
        assertThat(category.get("category").asText()).isEqualTo(name);
        assertThat(category.get("estimate").decimalValue()).as(name + " estimate").isEqualTo(money(estimate));
        assertThat(category.get("forecast").decimalValue()).as(name + " forecast").isEqualTo(money(forecast));
        assertThat(category.get("committed").decimalValue()).as(name + " committed").isEqualTo(money(committed));
        assertThat(category.get("actual").decimalValue()).as(name + " actual").isEqualTo(money(actual));
    }
}
