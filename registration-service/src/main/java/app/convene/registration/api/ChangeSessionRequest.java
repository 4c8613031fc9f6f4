package app.convene.registration.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.SessionSpeaker;
import app.convene.registration.service.Sessions;

/** A change of a session: only the fields present change; speakers given replace the session's speakers. */
public record ChangeSessionRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String title,
        @Schema(description = "Not before the event's start") Instant startsAt,
        @Schema(description = "After startsAt, not after the event's end") Instant endsAt,
        @PositiveOrZero @Max(1_000_000) @Schema(description = "Not below the seats held (409 session-seats-held)")
        Integer capacity,
        @Size(max = 20) @Schema(description = "Replaces every speaker of the session; [] leaves it without one")
        List<@NotNull @Valid SpeakerRequest> speakers) {
    Sessions.SessionChanges toChanges() {
        return new Sessions.SessionChanges(title, startsAt, endsAt, capacity, speakers == null ? null
                : speakers.stream().map(s -> new SessionSpeaker(s.email(), s.name())).toList());
    }
}
