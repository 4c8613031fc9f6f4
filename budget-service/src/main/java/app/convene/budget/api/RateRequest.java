package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RateRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 10)
        @Schema(description = "Units of the quote currency one unit of the base currency is worth",
                examples = "0.92") BigDecimal rate) {
}
