package app.convene.budget.domain;

/** How an invoice found the committed line it is booked against. */
public enum InvoiceMatch {
    /** Recorded against a line named by the caller. */
    LINE,
    /** The line whose purchase order carries the invoice's PO number. */
    PURCHASE_ORDER,
    /** The one committed line of the event with the invoice's vendor. */
    VENDOR_AND_EVENT,
    /** A credit note: the line of the invoice it credits. */
    CREDITED_INVOICE
}
