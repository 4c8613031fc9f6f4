package app.convene.budget.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.RollUps;

@Schema(description = "A department's event budgets of the period against its allowance, all in `currency`")
public record DepartmentResponse(@Schema(required = true) String department,
        @Schema(required = true,
                description = "The allowance's currency, or the requested/default one without an allowance")
        String currency,
        @Schema(description = "null when no allowance was set for this period") BigDecimal allowance,
        @Schema(description = "Budgets of events starting in the period") int budgets,
        @Schema(description = "Of which have an approved baseline") int approvedBudgets,
        @Schema(required = true, description = "Sum of the approved totals (baselines)") BigDecimal approvedTotal,
        @Schema(required = true, description = "Sum of the budgets' current forecast totals") BigDecimal forecastTotal,
        @Schema(required = true, description = "Sum of the invoiced (actual) totals") BigDecimal actualTotal,
        @Schema(description = "allowance − forecast total; null without an allowance") BigDecimal remaining,
        @Schema(description = "OVER when the forecast exceeds the allowance, else UNDER; null without an "
                + "allowance") String overUnder) {

    static DepartmentResponse of(RollUps.DepartmentFigures d) {
        return new DepartmentResponse(d.department(), d.currency(), d.allowance(), d.budgets(), d.approvedBudgets(),
                d.approvedTotal(), d.forecastTotal(), d.actualTotal(), d.remaining(), d.overUnder());
    }
}
