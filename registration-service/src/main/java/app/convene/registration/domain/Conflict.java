package app.convene.registration.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A person expected in two places at once: the same attendee in two events (or two chosen sessions) that overlap in
 * time, or the same speaker in two overlapping sessions. Times overlap when each starts before the other ends.
 */
public record Conflict(Kind kind, String person, Commitment here, Commitment elsewhere) {
    public enum Kind {
        ATTENDEE_IN_OVERLAPPING_EVENTS, ATTENDEE_IN_OVERLAPPING_SESSIONS, SPEAKER_IN_OVERLAPPING_SESSIONS
    }

    /** Where a person is expected: an event, or a session (with its event). */
    public record Commitment(UUID eventId, UUID sessionId, String title, Instant startsAt, Instant endsAt) {
    }
}
