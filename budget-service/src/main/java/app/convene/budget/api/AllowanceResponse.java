package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.DepartmentAllowance;

public record AllowanceResponse(@Schema(required = true) String department,
        @Schema(required = true) String period, @Schema(required = true) BigDecimal amount,
        @Schema(required = true) String currency, @Schema(required = true) Instant setAt,
        @Schema(required = true) String setBy) {

    static AllowanceResponse of(DepartmentAllowance a) {
        return new AllowanceResponse(a.department(), a.period(), a.amount(), a.currency(), a.setAt(), a.setBy());
    }
}
