package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.Forecasts;

public record Approval(BigDecimal approvedTotal,
        @Schema(description = "approved total × (1 + tolerance); above it the budget needs approval again")
        BigDecimal toleranceLimit, Integer baselineRevision, String submittedBy, Instant submittedAt,
        String decidedBy, Instant decidedAt, String rejectionReason,
        @Schema(required = true, description = "NONE, WITHIN, ABOVE_APPROVED or ABOVE_TOLERANCE")
        String thresholdState) {

    static Approval of(EventBudget b) {
        BigDecimal approved = b.roundedApprovedTotal();
        return new Approval(approved, approved == null ? null : Forecasts.toleranceLimit(b), b.baselineRevision,
                b.submittedBy, b.submittedAt, b.decidedBy, b.decidedAt, b.rejectionReason, b.thresholdState.name());
    }
}
