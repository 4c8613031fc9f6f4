package app.convene.venue.domain;

/** Where one readiness check stands: met, not met, or not known yet (e.g. no room booked to measure against). */
public enum CheckStatus {
    MET, NOT_MET, UNKNOWN
}
