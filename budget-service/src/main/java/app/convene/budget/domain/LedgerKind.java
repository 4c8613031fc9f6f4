package app.convene.budget.domain;

public enum LedgerKind {
    /** A line's estimate was set or changed (at the headcount basis of that moment). */
    ESTIMATE,
    /** A purchase order was issued or amended. */
    COMMITMENT,
    /** A vendor invoice was recorded. */
    ACTUAL
}
