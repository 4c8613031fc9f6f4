package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.Invoice;

public record InvoiceResponse(UUID id, String vendor, String invoiceNumber, UUID lineItemId, BigDecimal amount,
        String currency, LocalDate issuedOn, Instant receivedAt) {

    static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id, invoice.vendor, invoice.invoiceNumber, invoice.lineId,
                Money.atScale(invoice.amount, invoice.currency), invoice.currency, invoice.issuedOn,
                invoice.receivedAt);
    }
}
