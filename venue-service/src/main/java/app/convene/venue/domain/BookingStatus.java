package app.convene.venue.domain;

public enum BookingStatus {
    CONFIRMED, CANCELLED
}
