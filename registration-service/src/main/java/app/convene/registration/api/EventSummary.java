package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;

public record EventSummary(UUID id, String title, EventStatus status, Instant startsAt, Instant endsAt,
        String timeZone) {
    static EventSummary from(Event e) {
        return new EventSummary(e.id, e.title, e.status, e.startsAt, e.endsAt, e.timeZone);
    }
}
