package app.convene.budget;

import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.headcount;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The organiser and a finance officer work on the same budget line: the finance officer issues the purchase order
 * while the organiser, from what they read before, changes the amount. The organiser's change is refused with 412 and
 * the purchase order stands; read again, the change goes through. A new line's Location can be read.
 */
@QuarkusTest
class LineEditedTogetherTest {

    private static ExtractableResponse<Response> read(String location) {
        return finance().get(location).then().statusCode(200).header("ETag", notNullValue()).extract();
    }

    @Test
    void aChangeFromAStaleReadIsRefusedAndThePurchaseOrderStands() {
        UUID eventId = budgetedEvent();
        String location = organizer().body(line("CATERING", "FIXED", "2000.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201).extract().header("Location");
        UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        // The Location is the line: its fields, its figures and its tag.
        ExtractableResponse<Response> first = read(location);
        assertThat(first.jsonPath().getString("id")).isEqualTo(lineId.toString());
        assertThat(first.jsonPath().getString("withdrawnAt")).isNull();
        assertThat(new BigDecimal(first.jsonPath().getString("estimate"))).isEqualByComparingTo("2000.00");
        String read = first.header("ETag");
        finance().header("If-None-Match", read).get(location).then().statusCode(304).header("ETag", read);

        // Finance commits from what it read; the organiser then changes the amount from the same, older read.
        finance().header("If-Match", read).body(Map.of("poNumber", "PO-" + lineId.toString().substring(0, 8),
                "amount", money("1900.00"))).put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId)
                .then().statusCode(200).body("poNumber", equalTo("PO-" + lineId.toString().substring(0, 8)));
        organizer().header("If-Match", read).body(line("CATERING", "FIXED", "2500.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(412)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        ExtractableResponse<Response> now = read(location);
        assertThat(new BigDecimal(now.jsonPath().getString("unitAmount"))).isEqualByComparingTo("2000.00");
        assertThat(new BigDecimal(now.jsonPath().getString("committedInLineCurrency")))
                .isEqualByComparingTo("1900.00");
        assertThat(now.header("ETag")).isNotEqualTo(read);

        // Read again, the change is made from the current line.
        organizer().header("If-Match", now.header("ETag")).body(line("CATERING", "FIXED", "2500.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(200);
        assertThat(new BigDecimal(read(location).jsonPath().getString("unitAmount")))
                .isEqualByComparingTo("2500.00");
    }

    @Test
    void aPerAttendeeLinesTagMovesWithTheHeadcountAndAWithdrawnLineIsStillRead() {
        UUID eventId = budgetedEvent();
        String location = organizer().body(line("CATERING", "PER_ATTENDEE", "24.50", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201).extract().header("Location");
        UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String before = read(location).header("ETag");

        // Ten confirmed: the estimate, and with it the tag, change; the old tag is neither 304 nor a match.
        headcount(eventId, 1, 10, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                new BigDecimal(read(location).jsonPath().getString("estimate"))).isEqualByComparingTo("245.00"));
        String after = read(location).header("ETag");
        assertThat(after).isNotEqualTo(before);
        finance().header("If-None-Match", before).get(location).then().statusCode(200);
        organizer().header("If-Match", before).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "served by the venue"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then().statusCode(412);

        organizer().header("If-Match", after).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "served by the venue"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", eventId, lineId).then().statusCode(200);
        finance().get(location).then().statusCode(200).body("withdrawnAt", notNullValue())
                .body("id", equalTo(lineId.toString()));
        finance().get("/api/events/{e}/budget/lines", eventId).then().statusCode(200)
                .body("lines.find { it.id == '" + lineId + "' }", nullValue());
    }

    @Test
    void ofManyChangesFromTheSameReadExactlyOneIsMade() throws Exception {
        UUID eventId = budgetedEvent();
        String location = organizer().body(line("AV", "FIXED", "1000.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201).extract().header("Location");
        UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String read = read(location).header("ETag");

        List<Integer> statuses = Race.statuses(6, writer -> organizer().header("If-Match", read)
                .body(line("AV", "FIXED", (1001 + writer) + ".00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        // One ledger entry for the one change made, besides the line's first.
        List<Map<String, Object>> entries = finance().get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(200).extract().jsonPath().getList("entries");
        assertThat(entries).filteredOn(e -> lineId.toString().equals(e.get("lineItemId"))).hasSize(2);
    }
}
