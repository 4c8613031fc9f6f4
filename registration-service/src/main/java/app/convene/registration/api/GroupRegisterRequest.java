package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GroupRegisterRequest(
        @NotNull @Valid @Schema(description = "Who books (for the record)") AttendeeRequest booker,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid AttendeeRequest> attendees,
        @Schema(description = "Sessions every attendee of the group attends") @Size(max = 50)
        List<@NotNull UUID> sessionIds) {
    List<UUID> sessions() {
        return sessionIds == null ? List.of() : sessionIds;
    }
}
