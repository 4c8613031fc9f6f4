package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Finance reads a budget's ledger a page at a time, oldest first, and every entry comes exactly once; another
 * budget's entries never appear in it.
 */
@QuarkusTest
class LedgerPagesTest {

    @Test
    void theLedgerIsReadAPageAtATimeOldestFirst() {
        UUID eventId = budgetedEvent();
        UUID otherEventId = budgetedEvent();
        List<String> amounts = List.of("100.00", "200.00", "300.00", "400.00", "500.00");
        for (String amount : amounts) {
            addLine(eventId, line("AV", "FIXED", amount, null));
            addLine(otherEventId, line("AV", "FIXED", "1.00", null));
        }

        List<String> entryIds = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        List<BigDecimal> budgetAmounts = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = finance().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200).extract()
                    .jsonPath();
            pageSizes.add(page.getList("entries").size());
            entryIds.addAll(page.getList("entries.entryId", String.class));
            sequences.addAll(page.getList("entries.sequence", Long.class));
            budgetAmounts.addAll(page.getList("entries.budgetAmount", BigDecimal.class));
            after = page.getString("next");
        } while (after != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(entryIds).doesNotHaveDuplicates();
        assertThat(sequences).isSorted();
        assertThat(budgetAmounts).containsExactlyElementsOf(amounts.stream().map(Api::money).toList());
        // Read whole in one page, the same entries in the same order.
        assertThat(finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200)
                .body("next", equalTo(null)).extract().jsonPath().getList("entries.entryId", String.class))
                .isEqualTo(entryIds);

        // An entry of another budget, an id of nothing, and a page size out of range: 400 naming the parameter.
        String othersEntry = finance().get("/api/events/{e}/budget/ledger", otherEventId).then().statusCode(200)
                .extract().path("entries[0].entryId");
        finance().queryParam("after", othersEntry).get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        finance().queryParam("after", UUID.randomUUID().toString()).get("/api/events/{e}/budget/ledger", eventId)
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        finance().queryParam("after", "not-an-id").get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(400).body("errors[0].field", equalTo("after"));
        finance().queryParam("limit", 0).get("/api/events/{e}/budget/ledger", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        finance().queryParam("limit", 1001).get("/api/events/{e}/budget/ledger", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
