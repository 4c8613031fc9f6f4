package app.convene.budget.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;

public record CostPerAttendee(
        @Schema(required = true, description = "forecast total ÷ headcount basis") BigDecimal forecast,
        @Schema(description = "actual total ÷ checked-in attendees; null until someone checked in")
        BigDecimal actual) {

    static CostPerAttendee of(EventBudget b, BudgetFigures.Totals t) {
        return new CostPerAttendee(BudgetFigures.perAttendee(t.forecast(), b.headcountBasis, b.currency()),
                b.checkedIn > 0 ? BudgetFigures.perAttendee(t.actual(), BigDecimal.valueOf(b.checkedIn),
                        b.currency()) : null);
    }
}
