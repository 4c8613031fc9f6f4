package app.convene.registration.domain;

/** What happens to a cancellation after the event's cancellation deadline. */
public enum LateCancellationPolicy {
    /** Refused: the attendee keeps the seat (an organizer can still cancel). */
    REFUSE,
    /** Accepted, frees the seat, and is counted and reported as a late cancellation. */
    ACCEPT_LATE
}
