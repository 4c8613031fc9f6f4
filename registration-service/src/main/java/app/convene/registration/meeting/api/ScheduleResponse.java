package app.convene.registration.meeting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.service.CorporateSchedule.Schedule;

/** The organisation's events and meetings in a time range, with the people booked into two at once. */
public record ScheduleResponse(Instant from, Instant to, List<Entry> entries, List<Clash> clashes) {

    /** One event; {@code clashingPeople}: those confirmed for it and for another event at the same time. */
    public record Entry(UUID eventId, @Schema(description = "The series it is an occurrence of, if any") UUID seriesId,
            String title, Instant startsAt, Instant endsAt, String timeZone, String status, String owner,
            String venueId, String roomId, String department, List<String> clashingPeople) {
    }

    /** A person confirmed for two events whose times overlap, and the overlap. */
    public record Clash(String person, List<UUID> eventIds, Instant from, Instant until) {
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
