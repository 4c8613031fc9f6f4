package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.Budgets;

@Schema(description = "Budget settings; omitted fields keep their value (a new budget starts in EUR, show-up "
        + "rate 1, tolerance 5 %)")
public record BudgetSettingsRequest(
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "Fixed once the budget has lines", examples = "EUR") String currency,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(examples = "Sales") String department,
        @Size(min = 1, max = 50) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(examples = "CC-4100") String costCentre,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        @Schema(description = "Expected share of confirmed people who show up", examples = "0.85")
        BigDecimal showUpRate,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(description = "How far (percent) the forecast may exceed the approved total before the budget "
                + "needs approval again", examples = "5") BigDecimal tolerancePercent) {

    Budgets.Settings settings() {
        return new Budgets.Settings(currency, department, costCentre, showUpRate, tolerancePercent);
    }
}
