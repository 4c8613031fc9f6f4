package app.convene.notification.attendee.domain;

/** What an attendee is written about; with the registration and the fact, one mail each. */
public enum AttendeeMailKind {
    /** Confirmed on registering, with the invitation (METHOD:REQUEST). */
    CONFIRMATION,
    /** Placed on the waiting list, with the position. */
    WAITLISTED,
    /** Promoted from the waiting list, with the invitation. */
    PROMOTED,
    /** The registration was cancelled (METHOD:CANCEL for a confirmed one). */
    CANCELLED,
    /** The event moved: an updated invitation with a higher SEQUENCE, to confirmed attendees. */
    MOVED,
    /** The event was cancelled: to everyone registered (METHOD:CANCEL for the confirmed). */
    EVENT_CANCELLED,
    /** Before the start, to confirmed attendees who did not stop reminders. */
    REMINDER,
    /** After the end, to confirmed attendees: how to give feedback. */
    FEEDBACK,
    /** The place was transferred to another person: to the previous attendee (METHOD:CANCEL when confirmed). */
    TRANSFERRED,
    /** The attendee's address was corrected: to the previous address (METHOD:CANCEL when confirmed). */
    READDRESSED,
    /** A session the attendee chose was cancelled; their registration stands. */
    SESSION_CANCELLED,
    /** A meeting's minutes, approved by its chair, to its confirmed attendees (one per revision). */
    MINUTES,
    /** A message the event's organizer wrote to its attendees (the fact names the message). */
    MESSAGE
}
