package app.convene.venue.domain;

/** A closure is ACTIVE until withdrawn (the venue reopens); a withdrawn closure is kept. */
public enum ClosureStatus {
    ACTIVE, WITHDRAWN
}
