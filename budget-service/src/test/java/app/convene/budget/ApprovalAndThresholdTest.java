package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.announcements;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.financeLead;
import static app.convene.budget.Api.headcount;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static app.convene.budget.Api.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApprovalAndThresholdTest {

    /** A budget of 1000 fixed + 10 per confirmed attendee, at 100 attendees: forecast 2000.00. */
    static UUID budgetOfTwoThousand() {
        UUID eventId = budgetedEvent();
        headcount(eventId, 1, 100, 0);
        addLine(eventId, line("VENUE", "FIXED", "1000.00", null));
        addLine(eventId, line("CATERING", "PER_ATTENDEE", "10.00", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("totals.forecast", equalTo(money("2000.00"))));
        return eventId;
    }

    @Test
    void financeApprovesAnotherPersonsSubmissionAndTheForecastBecomesTheBaseline() {
        UUID eventId = budgetOfTwoThousand();
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("approval.submittedBy", equalTo(Api.ORGANIZER));
        // Under review the lines are frozen, and the organizer cannot decide.
        organizer().body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/budget-under-review"));
        organizer().post("/api/events/{e}/budget/approval", eventId).then().statusCode(403)
                .contentType("application/problem+json");
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(409);

        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.approvedTotal", equalTo(money("2000.00")))
                .body("approval.toleranceLimit", equalTo(money("2100.00")))
                .body("approval.baselineRevision", equalTo(1)).body("approval.decidedBy", equalTo(Api.FINANCE))
                .body("totals.varianceToApproved", equalTo(money("0.00")));
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/budget-not-submitted"));

        // A change after approval is a new revision of the baseline.
        UUID av = addLine(eventId, line("AV", "FIXED", "50.00", null));
        organizer().get("/api/events/{e}/budget", eventId).then().body("revision", equalTo(2))
                .body("approval.baselineRevision", equalTo(1)).body("status", equalTo("APPROVED"))
                .body("approval.thresholdState", equalTo("ABOVE_APPROVED"));
        organizer().body(line("AV", "FIXED", "0.00", null)).put("/api/events/{e}/budget/lines/{l}", eventId, av)
                .then().statusCode(200).body("revision", equalTo(3))
                .body("approval.thresholdState", equalTo("WITHIN"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(announcements(eventId, "budget.submitted.v2")).singleElement()
                    .satisfies(r -> assertThat(payload(r).has("submittedBy")).isFalse());
            assertThat(announcements(eventId, "budget.approved.v2")).singleElement().satisfies(r -> {
                assertThat(payload(r).get("approvedTotal").decimalValue()).isEqualTo(money("2000.00"));
                assertThat(payload(r).has("approvedBy")).isFalse();
            });
        });
    }

    @Test
    void nobodyDecidesOnTheirOwnSubmission() {
        UUID eventId = budgetOfTwoThousand();
        finance().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(403)
                .body("type", equalTo("https://convene.app/problems/own-submission"));
        finance().body(Map.of("reason", "mine")).post("/api/events/{e}/budget/rejection", eventId).then()
                .statusCode(403);
        financeLead().body(Map.of()).post("/api/events/{e}/budget/rejection", eventId).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        financeLead().body(Map.of("reason", "Catering per head is above policy"))
                .post("/api/events/{e}/budget/rejection", eventId).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("approval.rejectionReason", equalTo("Catering per head is above policy"));

        // Rejected: edit and submit again.
        addLine(eventId, line("STAFF", "FIXED", "10.00", null));
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        financeLead().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("approval.approvedTotal", equalTo(money("2010.00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                announcements(eventId, "budget.rejected.v2")).singleElement().satisfies(r -> assertThat(
                        payload(r).get("reason").asText()).isEqualTo("Catering per head is above policy")));
    }

    @Test
    void eachCrossingOfTheApprovedTotalOrItsToleranceIsAnnouncedOnce() {
        UUID eventId = budgetOfTwoThousand();
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200);

        // Forecast: 2050 (over approved), 2080, 2150 (over 2100 tolerance), 2200, 1950 (back within),
        // 2060 (over approved again), 2110 (over tolerance again).
        int[] confirmed = { 105, 108, 115, 120, 95, 106, 111 };
        for (int i = 0; i < confirmed.length; i++) {
            headcount(eventId, i + 2, confirmed[i], 0);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("headcount.asOfSequence", equalTo(8))
                .body("totals.forecast", equalTo(money("2110.00")))
                .body("status", equalTo("REAPPROVAL_REQUIRED"))
                .body("approval.thresholdState", equalTo("ABOVE_TOLERANCE")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var crossings = announcements(eventId, "budget.threshold-exceeded.v1").stream()
                    .map(r -> payload(r).get("threshold").asText() + "@" + payload(r).get("forecastTotal")
                            .decimalValue().toPlainString())
                    .toList();
            assertThat(crossings).containsExactly("APPROVED_TOTAL@2050.00", "TOLERANCE@2150.00",
                    "APPROVED_TOTAL@2060.00", "TOLERANCE@2110.00");
        });

        // Needs approval again: submit, approve, and the new forecast is the baseline.
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.approvedTotal", equalTo(money("2110.00")));
    }
}
