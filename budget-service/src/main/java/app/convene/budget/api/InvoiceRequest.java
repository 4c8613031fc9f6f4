package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.Invoices;

public record InvoiceRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Feast & Co") String vendor,
        @NotBlank @Size(max = 100) @Schema(examples = "INV-7781") String invoiceNumber,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
        @Schema(examples = "1200.00") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "Must be the line's currency; the line's when omitted") String currency,
        @NotNull @Schema(examples = "2027-03-12") LocalDate issuedOn) {

    Invoices.InvoiceDraft draft() {
        return new Invoices.InvoiceDraft(vendor, invoiceNumber, amount, currency, issuedOn);
    }
}
