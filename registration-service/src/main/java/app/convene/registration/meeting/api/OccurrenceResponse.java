package app.convene.registration.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.Event;

/**
 * One occurrence: the date the rule gave it (its RECURRENCE-ID), the event it is, and when it is.
 */
public record OccurrenceResponse(@Schema(required = true) LocalDate date, @Schema(required = true) UUID eventId,
        @Schema(required = true) Instant startsAt, @Schema(required = true) Instant endsAt,
        @Schema(required = true) String status) {
    static OccurrenceResponse from(Event event) {
        return new OccurrenceResponse(event.occurrenceDate, event.id, event.startsAt, event.endsAt,
                event.status.name());
    }
}
