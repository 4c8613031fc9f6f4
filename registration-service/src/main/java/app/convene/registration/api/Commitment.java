package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

/** Where a person is expected: an event, or a session (with its event). */
public record Commitment(UUID eventId, UUID sessionId, String title, Instant startsAt, Instant endsAt) {
    static Commitment from(app.convene.registration.domain.Conflict.Commitment c) {
        return new Commitment(c.eventId(), c.sessionId(), c.title(), c.startsAt(), c.endsAt());
    }
}
