package app.convene.budget.domain;

/** What per-attendee lines are multiplied by. */
public enum HeadcountBasisSource {
    /** Confirmed registrations (show-up rate 1). */
    CONFIRMED,
    /** Confirmed registrations times the budget's expected show-up rate. */
    EXPECTED_SHOW_UP,
    /** After the event: the people who checked in. */
    CHECKED_IN
}
