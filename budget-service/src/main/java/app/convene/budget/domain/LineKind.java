package app.convene.budget.domain;

public enum LineKind {
    /** The unit amount is the line's estimate. */
    FIXED,
    /** The estimate is the unit amount times the budget's headcount basis. */
    PER_ATTENDEE
}
