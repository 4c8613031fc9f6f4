package app.convene.budget.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.LineItems;

public record CommitmentRequest(
        @NotBlank @Size(max = 50) @Schema(examples = "PO-2027-0042") String poNumber,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "Amount of the purchase order in the line's currency", examples = "2400.00")
        BigDecimal amount) {

    LineItems.Commitment commitment() {
        return new LineItems.Commitment(poNumber, amount);
    }
}
