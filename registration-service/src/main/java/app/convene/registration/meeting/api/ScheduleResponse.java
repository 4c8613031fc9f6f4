package app.convene.registration.meeting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.service.CorporateSchedule.Schedule;

/** The organisation's events and meetings in a time range, with the people booked into two at once. */
public record ScheduleResponse(Instant from, Instant to, @Schema(required = true) List<Entry> entries,
        @Schema(required = true) List<Clash> clashes) {

    /** One event; {@code clashingPeople}: those confirmed for it and for another event at the same time. */
    public record Entry(@Schema(required = true) UUID eventId,
            @Schema(description = "The series it is an occurrence of, if any") UUID seriesId,
            @Schema(required = true) String title, @Schema(required = true) Instant startsAt,
                    @Schema(required = true) Instant endsAt, @Schema(required = true) String timeZone,
                    @Schema(required = true) String status, String owner,
            String venueId, String roomId, String department, @Schema(required = true) List<String> clashingPeople) {
    }

    /** A person confirmed for two events whose times overlap, and the overlap. */
    public record Clash(@Schema(required = true) String person, @Schema(required = true) List<UUID> eventIds,
            @Schema(required = true) Instant from, @Schema(required = true) Instant until) {
    }

    static ScheduleResponse from(Schedule schedule) {
        return new ScheduleResponse(schedule.from(), schedule.to(), schedule.entries().stream()
                .map(e -> new Entry(e.eventId(), e.seriesId(), e.title(), e.startsAt(), e.endsAt(), e.timeZone(),
                        e.status(), e.owner(), e.venueId(), e.roomId(), e.department(),
                        schedule.clashingPeople().getOrDefault(e.eventId(), List.of())))
                .toList(), schedule.clashes().stream()
                .map(c -> new Clash(c.person(), List.of(c.firstEventId(), c.secondEventId()), c.from(), c.until()))
                .toList());
    }
}
