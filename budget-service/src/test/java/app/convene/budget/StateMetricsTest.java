package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.metrics.StateGauges;
import app.convene.backbone.testing.ServedMetrics;
import io.quarkus.test.junit.QuarkusTest;

/** The budget dashboard reads what budget-service serves: budgets of upcoming events by status and threshold. */
@QuarkusTest
class StateMetricsTest {
    @Inject
    StateGauges gauges;

    @Test
    void aNewBudgetAndItsSubmissionShowInTheServedFigures() {
        gauges.refreshNow();
        ServedMetrics before = ServedMetrics.scrape();

        UUID eventId = Api.budgetedEvent(Instant.now().plus(Duration.ofDays(40)), "EUR");
        Api.addLine(eventId, Api.line("VENUE", "FIXED", "1200.00", null));
        gauges.refreshNow();
        ServedMetrics drafted = ServedMetrics.scrape();
        assertThat(drafted.value("budget_budgets", "status", "DRAFT") - before.value("budget_budgets", "status", "DRAFT"))
                .isEqualTo(1);
        assertThat(drafted.value("budget_thresholds", "state", "NONE")
                - before.value("budget_thresholds", "state", "NONE")).isEqualTo(1);

        Api.organizer().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        gauges.refreshNow();
        ServedMetrics submitted = ServedMetrics.scrape();
        assertThat(submitted.value("budget_budgets", "status", "DRAFT")
                - before.value("budget_budgets", "status", "DRAFT")).isZero();
        assertThat(submitted.value("budget_budgets", "status", "SUBMITTED")
                - before.value("budget_budgets", "status", "SUBMITTED")).isEqualTo(1);
    }
}
