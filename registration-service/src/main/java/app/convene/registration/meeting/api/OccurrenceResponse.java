package app.convene.registration.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.convene.registration.domain.Event;

/**
 * One occurrence: the date the rule gave it (its RECURRENCE-ID), the event it is, and when it is.
 */
public record OccurrenceResponse(LocalDate date, UUID eventId, Instant startsAt, Instant endsAt, String status) {
    static OccurrenceResponse from(Event event) {
        return new OccurrenceResponse(event.occurrenceDate, event.id, event.startsAt, event.endsAt,
                event.status.name());
    }
}
