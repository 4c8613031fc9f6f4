package app.convene.budget.domain;

/** Where a budget stands in its approval workflow. */
public enum BudgetStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED,
    /** Was approved, but the forecast rose above the approved total plus its tolerance. */
    REAPPROVAL_REQUIRED;

    /**
     * Approved (within its tolerance or not) or awaiting finance's decision: a change of the terms the approval rests
     * on (show-up rate, tolerance) needs finance's approval again.
     */
    public boolean holdsApproval() {
        return this == APPROVED || this == REAPPROVAL_REQUIRED || this == SUBMITTED;
    }

    public boolean mayBeSubmitted() {
        return this == DRAFT || this == REJECTED || this == REAPPROVAL_REQUIRED;
    }
}
