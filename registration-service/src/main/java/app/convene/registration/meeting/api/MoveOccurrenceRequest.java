package app.convene.registration.meeting.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new time of one occurrence. */
public record MoveOccurrenceRequest(
        @NotNull @Schema(examples = "2027-03-25T13:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2027-03-25T15:00:00Z") Instant endsAt) {
}
