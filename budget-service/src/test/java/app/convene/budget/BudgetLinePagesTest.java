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
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A front end showing a large budget reads its summary (no lines) and then its lines a page at a time; what it
 * shows is what the whole budget shows: the same lines in the same order with the same figures, and the same totals.
 */
@QuarkusTest
class BudgetLinePagesTest {

    static JsonPath whole(UUID eventId) {
        return finance().get("/api/events/{e}/budget", eventId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath summary(UUID eventId) {
        return finance().get("/api/events/{e}/budget/summary", eventId).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    static JsonPath page(UUID eventId, String after, int limit) {
        var request = organizer().queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/events/{e}/budget/lines", eventId).then().statusCode(200).extract().jsonPath();
    }

    /** A budget in EUR with fixed and per-attendee lines, sub-cent costs per attendee and a line in DKK. */
    static UUID budgetWithMixedLines() {
        UUID eventId = budgetedEvent();
        headcount(eventId, 1, 3, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                whole(eventId).getObject("headcount.basis", BigDecimal.class)).isEqualByComparingTo("3"));
        // DKK: a currency no other test of this suite prices, so their rates stay as they expect them
        rate("DKK", "EUR", "0.1340857");
        addLine(eventId, line("VENUE", "FIXED", "5000.00", null));
        // 3 × 0.125 = 0.375 → 0.38 and 3 × 0.0417 = 0.1251 → 0.13; 3 × 0.005 = 0.015 → 0.02 (half-even: to the even cent)
        addLine(eventId, line("MARKETING", "PER_ATTENDEE", "0.125", null));
        addLine(eventId, line("MARKETING", "PER_ATTENDEE", "0.0417", null));
        addLine(eventId, line("OTHER", "PER_ATTENDEE", "0.005", null));
        addLine(eventId, line("TRAVEL", "FIXED", "811.13", "DKK"));
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "24.50", null));
        addLine(eventId, line("AV", "FIXED", "0.01", null));
        return eventId;
    }

    @Test
    void pagesListEveryLineOnceInTheOrderTheyWereAddedWithTheWholeBudgetsFigures() {
        UUID eventId = budgetWithMixedLines();
        List<Map<String, Object>> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = page(eventId, after, 3);
            List<Map<String, Object>> lines = page.getList("lines");
            sizes.add(lines.size());
            paged.addAll(lines);
            after = page.getString("next");
        } while (after != null);

        // 7 lines by 3: two full pages, then the last one, which says there is no next.
        assertThat(sizes).containsExactly(3, 3, 1);
        JsonPath whole = whole(eventId);
        List<Map<String, Object>> wholeLines = whole.getList("lines");
        assertThat(paged).isEqualTo(wholeLines);
        assertThat(paged).extracting(l -> l.get("unitAmount").toString())
                .containsExactly("5000.00", "0.125", "0.0417", "0.005", "811.13", "24.50", "0.01");

        // A page exactly as large as what is left: the next page is empty and ends the pages.
        JsonPath firstSeven = page(eventId, null, 7);
        assertThat(firstSeven.getList("lines")).hasSize(7);
        JsonPath empty = page(eventId, firstSeven.getString("next"), 7);
        assertThat(empty.getList("lines")).isEmpty();
        assertThat(empty.getString("next")).isNull();
    }

    @Test
    void aDashboardPollingTheSummaryIsToldWhenNothingChangedAndGetsTheNewTotalsOnceALineIsAdded() {
        UUID eventId = budgetWithMixedLines();
        var first = finance().get("/api/events/{e}/budget/summary", eventId);
        first.then().statusCode(200);
        String tag = first.header("ETag");
        finance().header("If-None-Match", tag).get("/api/events/{e}/budget/summary", eventId).then()
                .statusCode(304).header("ETag", tag);

        addLine(eventId, line("AV", "FIXED", "250.00", null));
        var changed = finance().header("If-None-Match", tag).get("/api/events/{e}/budget/summary", eventId);
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.jsonPath().getLong("lineCount")).isEqualTo(first.jsonPath().getLong("lineCount") + 1);
        // another caller who sees the same summary is told the same
        organizer().header("If-None-Match", changed.header("ETag")).get("/api/events/{e}/budget/summary", eventId)
                .then().statusCode(304);
    }

    @Test
    void theSummaryHasTheWholeBudgetsTotalsWithoutItsLines() {
        UUID eventId = budgetWithMixedLines();
        UUID withdrawn = addLine(eventId, line("STAFF", "FIXED", "99.99", null));
        organizer().body(Map.of("reason", "not needed")).post("/api/events/{e}/budget/lines/{l}/withdraw", eventId,
                withdrawn).then().statusCode(200);

        JsonPath whole = whole(eventId);
        JsonPath summary = summary(eventId);
        assertThat(summary.getMap("$")).doesNotContainKeys("lines", "withdrawnLines");
        assertThat(summary.getLong("lineCount")).isEqualTo(7);
        assertThat(summary.getLong("withdrawnLineCount")).isEqualTo(1);
        assertThat(summary.getMap("totals")).isEqualTo(whole.getMap("totals"));
        assertThat(summary.getMap("costPerAttendee")).isEqualTo(whole.getMap("costPerAttendee"));
        assertThat(summary.getMap("headcount")).isEqualTo(whole.getMap("headcount"));
        for (String field : List.of("eventId", "status", "currency", "department", "costCentre", "revision",
                "updatedAt")) {
            assertThat(summary.getString(field)).as(field).isEqualTo(whole.getString(field));
        }
        // Each total is the exact sum of the lines' rounded figures (half-even, line by line).
        LineItemsAndForecastTest.assertTotalsAreSumsOfLines(whole);
        // 5000.00 + 0.38 + 0.13 + 0.02 + 108.76 (811.13 DKK × 0.1340857) + 73.50 + 0.01
        assertThat(summary.getObject("totals.estimate", BigDecimal.class)).isEqualTo(money("5182.80"));
        // Withdrawn lines are not among the pages either.
        assertThat(page(eventId, null, 100).getList("lines.id")).hasSize(7).doesNotContain(withdrawn.toString());

        // Adding a line answers the totals the database summed: the same as the summary's after it.
        BigDecimal added = organizer().body(line("AV", "PER_ATTENDEE", "0.165", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201).extract().jsonPath()
                .getObject("totals.estimate", BigDecimal.class);
        // 3 × 0.165 = 0.495 → 0.50
        assertThat(added).isEqualTo(money("5183.30"));
        assertThat(summary(eventId).getObject("totals.estimate", BigDecimal.class)).isEqualTo(added);
        assertThat(whole(eventId).getObject("totals.estimate", BigDecimal.class)).isEqualTo(added);
    }

    @Test
    void committedAndInvoicedAmountsInEveryCurrencyAreSummedAsTheLinesShowThem() {
        UUID eventId = budgetWithMixedLines();
        // Lines in the budget's currency are summed in one pass and the others through conversion: committed and
        // invoiced amounts in both, at a locked rate of 1 and at another.
        UUID hall = addLine(eventId, line("VENUE", "FIXED", "4999.99", null));
        UUID transfer = addLine(eventId, line("TRAVEL", "FIXED", "100.00", "DKK"));
        organizer().body(Map.of("poNumber", "PO-HALL", "amount", new BigDecimal("4999.99")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, hall).then().statusCode(200);
        organizer().body(Map.of("poNumber", "PO-BUS", "amount", new BigDecimal("100.05")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, transfer).then().statusCode(200);
        finance().body(Map.of("vendor", "Hall & Co", "invoiceNumber", "HALL-1", "amount", new BigDecimal("1200.00"),
                "issuedOn", "2026-12-01")).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, hall).then()
                .statusCode(201);

        JsonPath whole = whole(eventId);
        JsonPath summary = summary(eventId);
        LineItemsAndForecastTest.assertTotalsAreSumsOfLines(whole);
        assertThat(summary.getMap("totals")).isEqualTo(whole.getMap("totals"));
        // 4999.99 plus 100.05 DKK × 0.1340857 = 13.4152... → 13.42
        assertThat(summary.getObject("totals.committed", BigDecimal.class)).isEqualTo(money("5013.41"));
        assertThat(summary.getObject("totals.actual", BigDecimal.class)).isEqualTo(money("1200.00"));
    }

    @Test
    void aPageSizeOutOfBoundsOrACursorOfAnotherBudgetIsRefused() {
        UUID eventId = budgetWithMixedLines();
        UUID other = budgetedEvent();
        UUID otherLine = addLine(other, line("VENUE", "FIXED", "10.00", null));
        for (int limit : List.of(0, 501, -1)) {
            organizer().queryParam("limit", limit).get("/api/events/{e}/budget/lines", eventId).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        organizer().queryParam("limit", 0).get("/api/events/{e}/budget/lines", eventId).then()
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("limit")));
        organizer().queryParam("after", "line-7").get("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("after"));
        organizer().queryParam("after", otherLine.toString()).get("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("after"));
        // The largest page holds every line of this budget.
        assertThat(page(eventId, null, 500).getList("lines")).hasSize(7);
    }

    @Test
    void anotherOrganisationsFinanceFindsNeitherTheSummaryNorTheLines() {
        UUID eventId = budgetWithMixedLines();
        var globex = Api.as("finance", "gwen.finance@globex.example", "globex");
        globex.get("/api/events/{e}/budget/summary", eventId).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("finance", "gwen.finance@globex.example", "globex").get("/api/events/{e}/budget/lines", eventId)
                .then().statusCode(404).contentType("application/problem+json");
        // An attendee reads no budget at all.
        Api.as("attendee", "anna.attendee@example.com").get("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(403);
        // Nor does a budget that does not exist answer anything but 404.
        finance().get("/api/events/{e}/budget/lines", UUID.randomUUID()).then().statusCode(404);
        finance().get("/api/events/{e}/budget/summary", UUID.randomUUID()).then().statusCode(404);
    }
}
