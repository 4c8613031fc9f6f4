package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.Budgets;

/** The budget as a front-end reads it. Amounts are decimals in the named currency, rounded to its minor unit. */
public record BudgetResponse(@Schema(required = true) UUID eventId, String title, Instant startsAt,
        Instant endsAt, String timeZone,
        @Schema(required = true, description = "DRAFT, SUBMITTED, APPROVED, REJECTED or REAPPROVAL_REQUIRED")
        String status,
        @Schema(required = true) String currency, String department, String costCentre,
        @Schema(required = true, description = "Expected share of confirmed people who show up, 0 < rate ≤ 1")
        BigDecimal showUpRate, @Schema(required = true) BigDecimal tolerancePercent,
        @Schema(description = Descriptions.REVISION) int revision,
        @Schema(required = true) Headcount headcount, @Schema(required = true) Totals totals,
        @Schema(required = true) CostPerAttendee costPerAttendee, @Schema(required = true) Approval approval,
        @Schema(required = true, description = "The lines that count in the totals") List<LineResponse> lines,
        @Schema(required = true, description = "Lines withdrawn: kept with their ledger entries, out of the totals")
        List<WithdrawnLineResponse> withdrawnLines,
        @Schema(description = "When registration-service cancelled the event; the budget stays")
        Instant eventCancelledAt, @Schema(required = true) Instant updatedAt) {

    static BudgetResponse of(Budgets.BudgetView view) {
        EventBudget b = view.budget();
        BudgetFigures.Totals t = view.figures().totals();
        List<LineResponse> lines = new ArrayList<>(view.lines().size());
        for (int i = 0; i < view.lines().size(); i++) {
            lines.add(LineResponse.of(view.lines().get(i), view.figures().lines().get(i)));
        }
        return new BudgetResponse(b.eventId, b.title, b.startsAt, b.endsAt, b.timeZone, b.status.name(),
                b.currency, b.department, b.costCentre, BudgetFigures.plain(b.showUpRate),
                BudgetFigures.plain(b.tolerancePercent), b.revision, Headcount.of(b), Totals.of(b, t),
                CostPerAttendee.of(b, t), Approval.of(b), lines,
                view.withdrawnLines().stream().map(WithdrawnLineResponse::of).toList(), b.eventCancelledAt,
                b.updatedAt);
    }
}
