package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a department of an organisation may spend in a reporting period (a month, quarter or year), set by finance.
 * {@code setAt} and {@code setBy} are null where only the amount was read.
 */
public record DepartmentAllowance(String department, String period, BigDecimal amount, String currency,
        Instant setAt, String setBy) {
}
