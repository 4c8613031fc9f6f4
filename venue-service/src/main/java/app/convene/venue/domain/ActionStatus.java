package app.convene.venue.domain;

public enum ActionStatus {
    OPEN, CLOSED
}
