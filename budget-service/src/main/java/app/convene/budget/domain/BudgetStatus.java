package app.convene.budget.domain;

/** Where a budget stands in its approval workflow. */
public enum BudgetStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED,
    /** Was approved, but the forecast rose above the approved total plus its tolerance. */
    REAPPROVAL_REQUIRED;

    public boolean mayBeSubmitted() {
        return this == DRAFT || this == REJECTED || this == REAPPROVAL_REQUIRED;
    }
}
