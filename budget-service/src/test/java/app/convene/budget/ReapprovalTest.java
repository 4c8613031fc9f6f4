package app.convene.budget;

import static app.convene.budget.Api.announcements;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.financeLead;
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

/**
 * The show-up rate and the tolerance are the terms finance approved a budget on: changing either on an approved
 * budget (or one awaiting a decision) sends it back to finance as a new submission of whoever changed it, so another
 * member of finance approves it again; nobody, finance included, moves the goalposts alone.
 */
@QuarkusTest
class ReapprovalTest {

    static UUID approvedBudget() {
        UUID eventId = ApprovalAndThresholdTest.budgetOfTwoThousand();
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.toleranceLimit", equalTo(money("2100.00")));
        return eventId;
    }

    @Test
    void raisingTheToleranceOfAnApprovedBudgetSendsItBackToFinance() {
        UUID eventId = approvedBudget();
        organizer().body(Map.of("tolerancePercent", money("20"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("status", equalTo("SUBMITTED")).body("tolerancePercent", equalTo(20))
                .body("approval.submittedBy", equalTo(Api.ORGANIZER))
                .body("approval.decidedBy", org.hamcrest.Matchers.nullValue())
                // the approved total stays the baseline until finance decides
                .body("approval.approvedTotal", equalTo(money("2000.00")));
        // Under review again: lines are frozen, and the organizer cannot approve.
        organizer().body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/budget-under-review"));
        organizer().post("/api/events/{e}/budget/approval", eventId).then().statusCode(403);

        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.toleranceLimit", equalTo(money("2400.00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // The announcements name no one: who submitted is the budget's own history.
            assertThat(announcements(eventId, "budget.submitted.v2")).hasSize(2).last()
                    .satisfies(r -> assertThat(payload(r).has("submittedBy")).isFalse());
            assertThat(announcements(eventId, "budget.approved.v2")).hasSize(2).last().satisfies(r -> assertThat(
                    payload(r).get("tolerancePercent").decimalValue()).isEqualByComparingTo(money("20")));
        });
    }

    @Test
    void financeChangingTheShowUpRateCannotApproveItsOwnChange() {
        UUID eventId = approvedBudget();
        finance().body(Map.of("showUpRate", money("0.5"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("status", equalTo("SUBMITTED")).body("approval.submittedBy",
                        equalTo(Api.FINANCE))
                .body("totals.forecast", equalTo(money("1500.00")));
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(403)
                .body("type", equalTo("https://convene.app/problems/own-submission"));
        financeLead().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.approvedTotal", equalTo(money("1500.00")));
    }

    @Test
    void aChangeOfTermsWhileUnderReviewMakesTheChangerTheSubmitter() {
        UUID eventId = ApprovalAndThresholdTest.budgetOfTwoThousand();
        organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        finance().body(Map.of("tolerancePercent", money("50"))).put("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("approval.submittedBy", equalTo(Api.FINANCE));
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(403);
        financeLead().body(Map.of("reason", "50 % tolerance is too much"))
                .post("/api/events/{e}/budget/rejection", eventId).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void otherSettingsAndUnchangedTermsKeepTheApproval() {
        UUID eventId = approvedBudget();
        organizer().body(Map.of("department", "Sales EMEA", "costCentre", "CC-4200", "tolerancePercent", money("5"),
                "showUpRate", money("1"))).put("/api/events/{e}/budget", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("department", equalTo("Sales EMEA"));
        // Before the first submission the terms are the organizer's to set.
        UUID draft = Api.budgetedEvent();
        organizer().body(Map.of("tolerancePercent", money("15"), "showUpRate", money("0.8")))
                .put("/api/events/{e}/budget", draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(announcements(eventId, "budget.submitted.v2")).hasSize(1);
            assertThat(announcements(draft, "budget.submitted.v2")).isEmpty();
        });
    }
}
