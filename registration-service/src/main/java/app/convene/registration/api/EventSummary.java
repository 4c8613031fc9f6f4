package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;

public record EventSummary(@Schema(required = true) UUID id, @Schema(required = true) String title,
        @Schema(required = true) EventStatus status, @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) String timeZone) {
    static EventSummary from(Event e) {
        return new EventSummary(e.id, e.title, e.status, e.startsAt, e.endsAt, e.timeZone);
    }
}
