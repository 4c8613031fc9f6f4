package app.convene.registration.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.meeting.service.RecurringMeetings.SeriesView;

/** A series with its occurrences (those scheduled so far: up to the horizon). */
public record MeetingSeriesResponse(@Schema(required = true) UUID id, @Schema(required = true) String title,
        String description, @Schema(required = true) LocalDate firstDate,
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                examples = "10:00")
        String startTime, int durationMinutes, @Schema(required = true) String timeZone,
                @Schema(required = true) String recurrence, int capacity, @Schema(required = true) String language,
        boolean confidential, String location, String venueId, String roomId, String department,
                @Schema(required = true) String owner,
        @Schema(description = "iCalendar SEQUENCE: grows with every change") int sequence,
        @Schema(required = true,
                description = "Occurrences exist as events up to this date") LocalDate scheduledThrough,
        @Schema(required = true) Instant changedAt,
        @Schema(description = "The occurrences scheduled so far; null in lists (read one series for them)")
        List<OccurrenceResponse> occurrences) {
    static MeetingSeriesResponse from(SeriesView view) {
        MeetingSeries s = view.series();
        return new MeetingSeriesResponse(s.id, s.title, s.description, s.firstDate, s.startTime.toString(),
                s.durationMinutes, s.timeZone, s.recurrence, s.capacity, s.language, s.confidential, s.location,
                s.venueId, s.roomId, s.department, s.owner, s.sequence, s.materialisedTo, s.changedAt,
                view.occurrences().stream().map(OccurrenceResponse::from).toList());
    }

    static MeetingSeriesResponse summary(MeetingSeries s) {
        return new MeetingSeriesResponse(s.id, s.title, s.description, s.firstDate, s.startTime.toString(),
                s.durationMinutes, s.timeZone, s.recurrence, s.capacity, s.language, s.confidential, s.location,
                s.venueId, s.roomId, s.department, s.owner, s.sequence, s.materialisedTo, s.changedAt, null);
    }
}
