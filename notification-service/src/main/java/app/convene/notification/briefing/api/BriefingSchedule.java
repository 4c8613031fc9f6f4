package app.convene.notification.briefing.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BriefingSchedule(
        @Schema(description = "How long before the start each pre-event briefing goes out, e.g. P3D; empty: "
                + "no briefing before the event, only the one after it")
        @NotNull @Size(max = 10) List<@NotNull Duration> preEventOffsets,
        @Schema(description = "How long after the end the post-event briefing goes out, e.g. P1D")
        @NotNull Duration postEventOffset) {
}
