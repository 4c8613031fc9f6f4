package app.convene.venue.domain;

public enum ItemOutcome {
    PASSED, FAILED, NOT_APPLICABLE
}
