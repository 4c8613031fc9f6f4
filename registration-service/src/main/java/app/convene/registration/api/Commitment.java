package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a person is expected: an event, or a session (with its event). */
public record Commitment(@Schema(required = true) UUID eventId, UUID sessionId, @Schema(required = true) String title,
        @Schema(required = true) Instant startsAt, @Schema(required = true) Instant endsAt) {
    static Commitment from(app.convene.registration.domain.Conflict.Commitment c) {
        return new Commitment(c.eventId(), c.sessionId(), c.title(), c.startsAt(), c.endsAt());
    }
}
