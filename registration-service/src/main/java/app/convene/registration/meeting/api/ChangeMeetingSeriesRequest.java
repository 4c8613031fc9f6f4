package app.convene.registration.meeting.api;

import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.service.RecurringMeetings.SeriesTerms;

/** A change of a series from now on: only the fields present change. */
public record ChangeMeetingSeriesRequest(
        @Size(min = 1, max = 200) String title,
        @Size(max = 4000) @Schema(description = "null clears it") String description,
        @Schema(description = "Local start time (HH:mm)", type =
                org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "14:00")
        LocalTime startTime,
        @Min(1) @Max(1440) Integer durationMinutes,
        @Size(min = 1, max = 400) @Schema(examples = "FREQ=MONTHLY;BYDAY=-1TH") String recurrence,
        @PositiveOrZero @Max(1_000_000) Integer capacity,
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        Boolean confidential,
        @Size(max = 300) @Schema(description = "null clears it") String location,
        @Size(max = 100) String venueId,
        @Size(max = 100) String roomId,
        @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The department its occurrences belong to, for the corporate schedule by department; "
                + "null clears it",
                examples = "Finance") String department) {
    SeriesTerms toTerms() {
        return new SeriesTerms(title, description, null, startTime, durationMinutes, null, recurrence, capacity,
                language, confidential, location, venueId, roomId, department);
    }
}
