package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegisterRequest(@NotNull @Valid AttendeeRequest attendee,
        @Schema(description = "Sessions of the event to attend; a confirmed registration takes a seat in each")
        @Size(max = 50) List<@NotNull UUID> sessionIds) {
    List<UUID> sessions() {
        return sessionIds == null ? List.of() : sessionIds;
    }
}
