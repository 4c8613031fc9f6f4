package app.convene.budget.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;

@Schema(description = "Sums of the lines' figures, in the budget currency; every total is the exact sum of the "
        + "lines' rounded figures")
public record Totals(@Schema(required = true) BigDecimal estimate, @Schema(required = true) BigDecimal committed,
        @Schema(required = true) BigDecimal actual, @Schema(required = true) BigDecimal forecast,
        @Schema(required = true, description = "forecast − estimate") BigDecimal variance,
        @Schema(description = "forecast − approved total; null before the first approval")
        BigDecimal varianceToApproved) {

    /** The totals of a budget, with the variance to its approved total once it has one. */
    static Totals of(EventBudget b, BudgetFigures.Totals t) {
        BigDecimal approved = b.roundedApprovedTotal();
        return new Totals(t.estimate(), t.committed(), t.actual(), t.forecast(), t.variance(),
                approved == null ? null : t.forecast().subtract(approved));
    }
}
