package app.convene.notification.attendee.api;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AttendeeMailSettingsRequest(
        @NotNull @Schema(description = "How long before the start confirmed attendees are reminded (ISO-8601, more "
                + "than zero, at most P30D)", implementation = String.class, examples = "PT24H")
        Duration reminderBefore) {
}
