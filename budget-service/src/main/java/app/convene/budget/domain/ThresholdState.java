package app.convene.budget.domain;

/** Where the forecast stands against the approved total; a rise to a higher state is a crossing. */
public enum ThresholdState {
    /** No approved total yet. */
    NONE,
    WITHIN,
    ABOVE_APPROVED,
    ABOVE_TOLERANCE
}
