package app.convene.registration.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person expected in two places at once, with both commitments. */
public record Conflict(@Schema(required = true) Kind kind, @Schema(required = true) String person,
        @Schema(required = true) Commitment here, @Schema(required = true) Commitment elsewhere) {
    public enum Kind {
        ATTENDEE_IN_OVERLAPPING_EVENTS, ATTENDEE_IN_OVERLAPPING_SESSIONS, SPEAKER_IN_OVERLAPPING_SESSIONS
    }

    static Conflict from(app.convene.registration.domain.Conflict c) {
        return new Conflict(Kind.valueOf(c.kind().name()), c.person(), Commitment.from(c.here()),
                Commitment.from(c.elsewhere()));
    }
}
