package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;

import app.convene.budget.domain.DepartmentAllowance;

public record AllowanceResponse(String department, String period, BigDecimal amount, String currency,
        Instant setAt, String setBy) {

    static AllowanceResponse of(DepartmentAllowance a) {
        return new AllowanceResponse(a.department(), a.period(), a.amount(), a.currency(), a.setAt(), a.setBy());
    }
}
