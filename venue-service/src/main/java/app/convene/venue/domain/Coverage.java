package app.convene.venue.domain;

public enum Coverage {
    PUBLIC_LIABILITY, EVENT_CANCELLATION, PROPERTY_DAMAGE, EMPLOYERS_LIABILITY
}
