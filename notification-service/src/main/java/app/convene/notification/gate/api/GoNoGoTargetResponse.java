package app.convene.notification.gate.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.gate.domain.AttendanceTarget;

public record GoNoGoTargetResponse(@Schema(required = true) UUID eventId,
        @Schema(required = true, description = "The fewest confirmed attendees the event goes ahead with; 0: no "
                + "target (also until one is set)") int minimumAttendance) {

    public static GoNoGoTargetResponse from(AttendanceTarget target) {
        return new GoNoGoTargetResponse(target.eventId(), target.minimumAttendance());
    }
}
