package app.convene.budget.domain;

/** A vendor's invoice, or a credit note that takes back (part of) one. */
public enum InvoiceKind {
    INVOICE, CREDIT_NOTE
}
