package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.Invoice;
import app.convene.budget.service.Invoices;

public record InvoiceResponse(@Schema(required = true) UUID id, @Schema(required = true) String vendor,
        @Schema(required = true) String invoiceNumber, @Schema(required = true) UUID lineItemId,
        @Schema(required = true) BigDecimal amount, @Schema(required = true) String currency,
        @Schema(required = true) LocalDate issuedOn, @Schema(required = true) Instant receivedAt,
        @Schema(required = true, description = "INVOICE or CREDIT_NOTE") String kind,
        @Schema(required = true, description = "POSTED (counts in the actual), AWAITING_APPROVAL (over the "
                + "commitment beyond the tolerance; counts once finance approves) or REJECTED") String status,
        @Schema(required = true) UUID eventId,
        @Schema(required = true, description = "How the line was found: LINE (named by the caller), PURCHASE_ORDER, "
                + "VENDOR_AND_EVENT or CREDITED_INVOICE") String matchedBy,
        @Schema(required = true, description = "The amount in the line's currency (converted at your organisation's "
                + "rate when the invoice is in another); a credit note takes it off the line's actual")
        BigDecimal amountInLineCurrency,
        @Schema(description = "The invoice a credit note credits; null for an invoice") UUID creditsInvoiceId,
        @Schema(description = "Who of finance approved or rejected it; null unless decided") String decidedBy,
        Instant decidedAt, String rejectionReason,
        @Schema(description = "The line's invoices against its purchase order; null in lists")
        VarianceResponse variance) {

    /** The line's invoices against its purchase order, in the line's currency. */
    public record VarianceResponse(@Schema(required = true) String currency,
            @Schema(required = true, description = "The purchase order's amount") BigDecimal committed,
            @Schema(required = true, description = "Posted invoices less credit notes, plus invoices awaiting approval")
            BigDecimal invoiced,
            @Schema(required = true, description = "invoiced - committed: above the commitment when positive")
            BigDecimal variance,
            @Schema(description = "The variance as a percentage of the commitment") BigDecimal variancePercent,
            @Schema(required = true, description = "Invoiced beyond this, a new invoice awaits finance's approval")
            BigDecimal toleranceLimit) {

        static VarianceResponse of(Invoices.Variance v) {
            return v == null ? null : new VarianceResponse(v.currency(), v.committed(), v.invoiced(), v.variance(),
                    v.variancePercent(), v.toleranceLimit());
        }
    }

    static InvoiceResponse of(Invoice invoice) {
        return of(new Invoices.InvoiceView(invoice, null));
    }

    static InvoiceResponse of(Invoices.InvoiceView view) {
        Invoice invoice = view.invoice();
        String lineCurrency = view.variance() == null ? null : view.variance().currency();
        return new InvoiceResponse(invoice.id, invoice.vendor, invoice.invoiceNumber, invoice.lineId,
                Money.atScale(invoice.amount, invoice.currency), invoice.currency, invoice.issuedOn,
                invoice.receivedAt, invoice.kind.name(), invoice.status.name(), invoice.eventId,
                invoice.matchedBy.name(), lineCurrency != null ? Money.atScale(invoice.lineAmount, lineCurrency)
                        : invoice.lineAmount.setScale(Math.max(2, invoice.lineAmount.stripTrailingZeros().scale())),
                invoice.creditsInvoiceId, invoice.decidedBy, invoice.decidedAt, invoice.rejectionReason,
                VarianceResponse.of(view.variance()));
    }
}
