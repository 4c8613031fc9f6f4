package app.convene.notification.gate.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GoNoGoTargetRequest(
        @Schema(description = "The fewest confirmed attendees the event goes ahead with; 0: no target")
        @NotNull @Min(0) @Max(1_000_000) Integer minimumAttendance) {
}
