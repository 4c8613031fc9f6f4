package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineKind;
import app.convene.budget.service.LineItems;

public record LineItemRequest(
        @NotNull @Schema(examples = "CATERING") LineCategory category,
        @NotBlank @Size(max = 500) @Schema(examples = "Lunch buffet") String description,
        @Size(max = 200) @Schema(examples = "Feast & Co") String vendor,
        @NotNull @Schema(description = "FIXED: unitAmount is the estimate; PER_ATTENDEE: unitAmount × headcount")
        LineKind kind,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "The line's currency; the budget's when omitted. Another currency needs an "
                + "exchange rate into the budget's currency", examples = "EUR") String currency,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "Fixed amount (at most the currency's decimals) or cost per attendee (up to 4 "
                + "decimals)", examples = "24.50") BigDecimal unitAmount,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]*",
                message = "must be letters, digits, dots or dashes") @Schema(examples = "6420") String glAccount,
        @Size(max = 50) @Schema(description = "The budget's when omitted") String costCentre) {

    LineItems.LineDraft draft() {
        return new LineItems.LineDraft(category, description, vendor, kind, currency, unitAmount, glAccount,
                costCentre);
    }
}
