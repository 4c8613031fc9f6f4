package app.convene.notification.briefing.api;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.briefing.service.BriefingSchedules;

/** The offsets an event's briefings are planned by. */
public record BriefingScheduleResponse(
        @Schema(required = true, description = "How long before the start each pre-event briefing goes out "
                + "(ISO-8601); empty: no briefing before the event") List<String> preEventOffsets,
        @Schema(required = true, description = "How long after the end the post-event briefing goes out (ISO-8601)",
                example = "P1D") String postEventOffset,
        @Schema(description = "True while the event has no offsets of its own (the defaults apply)")
        boolean defaults) {

    static BriefingScheduleResponse from(BriefingSchedules.Schedule schedule) {
        return new BriefingScheduleResponse(schedule.preEventOffsets().stream().map(Duration::toString).toList(),
                schedule.postEventOffset().toString(), schedule.defaults());
    }
}
