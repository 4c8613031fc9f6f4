package app.convene.registration.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The person a registration's place goes to. */
public record TransferRequest(@NotNull @Valid @Schema(description = "The new attendee: address, name, "
        + "organisation, answers (checked as on registering) and language (the event's when not given)")
        AttendeeRequest attendee) {
}
