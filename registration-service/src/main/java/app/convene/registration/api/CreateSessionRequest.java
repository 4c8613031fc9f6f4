package app.convene.registration.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import app.convene.registration.domain.SessionSpeaker;
import app.convene.registration.service.Sessions;

public record CreateSessionRequest(@NotBlank @Size(max = 200) String title, @NotNull Instant startsAt,
        @NotNull Instant endsAt, @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity,
        @Size(max = 20) List<@NotNull @Valid SpeakerRequest> speakers) {
    Sessions.NewSession toSession() {
        return new Sessions.NewSession(title, startsAt, endsAt, capacity, speakers == null ? List.of()
                : speakers.stream().map(s -> new SessionSpeaker(s.email(), s.name())).toList());
    }
}
