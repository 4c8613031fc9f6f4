package app.convene.registration.meeting.api;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.service.RecurringMeetings.SeriesTerms;

/** A recurring meeting: the dates its rule gives from the first date, at a local time in its time zone. */
public record CreateMeetingSeriesRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Board meeting") String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(description = "The first meeting's date, from 2000-01-01 to 2199-12-31; must be a "
                + "date the recurrence gives",
                examples = "2027-01-29") LocalDate firstDate,
        @NotNull @Schema(description = "Local start time in timeZone (HH:mm)", type =
                org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "10:00")
        LocalTime startTime,
        @NotNull @Min(1) @Max(1440) @Schema(examples = "120") Integer durationMinutes,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", examples = "Europe/Stockholm")
        String timeZone,
        @NotBlank @Size(max = 400) @Schema(description = "RFC 5545 RRULE value: FREQ DAILY, WEEKLY, MONTHLY or "
                + "YEARLY, with INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL",
                examples = "FREQ=MONTHLY;BYDAY=-1FR") String recurrence,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity,
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        @Schema(description = "Seen only by its owner; default false") Boolean confidential,
        @Size(max = 300) @Schema(examples = "Boardroom, 5th floor") String location,
        @Size(max = 100) String venueId,
        @Size(max = 100) String roomId,
        @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The department its occurrences belong to, for the corporate schedule by department",
                examples = "Finance") String department) {
    SeriesTerms toTerms() {
        return new SeriesTerms(title, description, firstDate, startTime, durationMinutes, timeZone, recurrence,
                capacity, language, confidential, location, venueId, roomId, department);
    }
}
