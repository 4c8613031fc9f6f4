package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.Budgets;

/** The budget as {@link BudgetResponse} shows it, without its lines: they come a page at a time. */
@Schema(description = "The budget without its lines (GET .../budget/lines pages through them): settings, headcount, "
        + "totals, cost per attendee, approval")
public record BudgetSummaryResponse(@Schema(required = true) UUID eventId, String title, Instant startsAt,
        Instant endsAt, String timeZone,
        @Schema(required = true, description = "DRAFT, SUBMITTED, APPROVED, REJECTED or REAPPROVAL_REQUIRED")
        String status,
        @Schema(required = true) String currency, String department, String costCentre,
        @Schema(required = true, description = "Expected share of confirmed people who show up, 0 < rate ≤ 1")
        BigDecimal showUpRate, @Schema(required = true) BigDecimal tolerancePercent,
        @Schema(description = Descriptions.REVISION) int revision,
        @Schema(required = true) Headcount headcount, @Schema(required = true) Totals totals,
        @Schema(required = true) CostPerAttendee costPerAttendee, @Schema(required = true) Approval approval,
        @Schema(description = "How many lines count in the totals") long lineCount,
        @Schema(description = "How many lines were withdrawn") long withdrawnLineCount,
        @Schema(description = "When registration-service cancelled the event; the budget stays")
        Instant eventCancelledAt, @Schema(required = true) Instant updatedAt) {

    static BudgetSummaryResponse of(Budgets.BudgetSummary summary) {
        EventBudget b = summary.budget();
        BudgetFigures.Totals t = summary.totals();
        return new BudgetSummaryResponse(b.eventId, b.title, b.startsAt, b.endsAt, b.timeZone, b.status.name(),
                b.currency, b.department, b.costCentre, BudgetFigures.plain(b.showUpRate),
                BudgetFigures.plain(b.tolerancePercent), b.revision, Headcount.of(b), Totals.of(b, t),
                CostPerAttendee.of(b, t), Approval.of(b), summary.lines(), summary.withdrawnLines(),
                b.eventCancelledAt, b.updatedAt);
    }
}
