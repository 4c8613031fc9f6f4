package app.convene.budget.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;

public record Headcount(int capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
        @Schema(description = "Sequence of the newest headcount announcement applied") long asOfSequence,
        @Schema(required = true, description = "What per-attendee lines are multiplied by") BigDecimal basis,
        @Schema(required = true, description = "CONFIRMED, EXPECTED_SHOW_UP (confirmed × show-up rate) or CHECKED_IN "
                + "(after the event)") String basisSource) {

    static Headcount of(EventBudget b) {
        return new Headcount(b.capacity, b.confirmed, b.waitlisted, b.checkedIn, b.noShows,
                Math.max(0, b.headcountSequence), BudgetFigures.plain(b.headcountBasis), b.basisSource.name());
    }
}
