package app.convene.budget.domain;

/**
 * Whether an invoice counts in its line's actual: POSTED does; an invoice over its commitment beyond the tolerance
 * is AWAITING_APPROVAL until finance approves (POSTED) or rejects it (REJECTED, never counted).
 */
public enum InvoiceStatus {
    POSTED, AWAITING_APPROVAL, REJECTED
}
