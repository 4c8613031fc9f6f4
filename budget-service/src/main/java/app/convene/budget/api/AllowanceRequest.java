package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AllowanceRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "At most the currency's decimals", examples = "250000.00") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "The department's figures for the period are rolled up in this currency",
                examples = "EUR") String currency) {
}
