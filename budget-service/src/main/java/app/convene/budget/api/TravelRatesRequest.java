package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.TravelCosts;

/** The rates an event's travel and accommodation lines are priced at; a rate left out is zero. */
public record TravelRatesRequest(
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "The rates' (and lines') currency; the budget's when omitted. Another currency needs "
                + "an exchange rate into the budget's currency", examples = "EUR") String currency,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One hotel room for one night", examples = "129.00") BigDecimal nightlyRate,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One traveller by air", examples = "420.00") BigDecimal airRate,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One traveller by rail", examples = "95.00") BigDecimal railRate,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One traveller by car (mileage, parking)", examples = "60.00") BigDecimal carRate,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One traveller by coach", examples = "35.00") BigDecimal coachRate,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "One traveller by any other mode", examples = "50.00") BigDecimal otherRate,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]*",
                message = "must be letters, digits, dots or dashes")
        @Schema(description = "GL account of the ACCOMMODATION line; budget.travel.accommodation-gl-account "
                + "(6310) when omitted", examples = "6310") String accommodationGlAccount,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]*",
                message = "must be letters, digits, dots or dashes")
        @Schema(description = "GL account of the TRAVEL line; budget.travel.travel-gl-account (6320) when omitted",
                examples = "6320") String travelGlAccount) {

    TravelCosts.Rates rates() {
        return new TravelCosts.Rates(currency, nightlyRate, airRate, railRate, carRate, coachRate, otherRate,
                accommodationGlAccount, travelGlAccount);
    }
}
