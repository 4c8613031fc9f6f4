package app.convene.budget.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.Invoice;

public record InvoicePage(@Schema(required = true) List<InvoiceResponse> invoices,
        @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {

    static InvoicePage of(List<Invoice> invoices, int limit) {
        return new InvoicePage(invoices.stream().map(InvoiceResponse::of).toList(),
                invoices.size() < limit ? null : invoices.get(invoices.size() - 1).id);
    }
}
