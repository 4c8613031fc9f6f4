package app.convene.notification.gate.domain;

import java.util.UUID;

/** An event's minimum attendance target, the seats check's bar: 0, no target, until one is set. */
public record AttendanceTarget(UUID eventId, int minimumAttendance) {
}
