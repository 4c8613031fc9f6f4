package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.InvoiceKind;
import app.convene.budget.service.Invoices;

/** An invoice or credit note to match to a committed line. */
public record InvoiceSubmissionRequest(
        @Schema(description = "INVOICE (when omitted) or CREDIT_NOTE") InvoiceKind kind,
        @NotBlank @Size(max = 200) @Schema(examples = "Feast & Co") String vendor,
        @NotBlank @Size(max = 100) @Schema(examples = "INV-7781") String invoiceNumber,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
        @Schema(description = "Positive, also for a credit note", examples = "1200.00") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        @Schema(description = "The line's currency when omitted (a credit note's: its invoice's); another "
                + "currency is converted at your organisation's rate") String currency,
        @NotNull @Schema(examples = "2027-03-12") LocalDate issuedOn,
        @Size(max = 50) @Schema(description = "The purchase order the invoice is against: matches the committed "
                + "line carrying it", examples = "PO-2027-114") String poNumber,
        @Schema(description = "The event: narrows the purchase order, or without poNumber matches the event's one "
                + "committed line of the vendor") UUID eventId,
        @Size(max = 100) @Schema(description = "A credit note: the vendor's invoice it credits",
                examples = "INV-7781") String creditsInvoiceNumber) {

    Invoices.Submission submission() {
        return new Invoices.Submission(kind == null ? InvoiceKind.INVOICE : kind, vendor, invoiceNumber, amount,
                currency, issuedOn, blankToNull(poNumber), eventId, blankToNull(creditsInvoiceNumber));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
