package app.convene.registration.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.Session;
import app.convene.registration.service.Sessions.SessionView;

public record SessionResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) String title, @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        int capacity, int confirmed, int seatsLeft, @Schema(required = true) List<Speaker> speakers,
        @Schema(description = "When the session was cancelled; null while it takes place. A cancelled session holds "
                + "no seats and takes no choices") Instant cancelledAt) {
    static SessionResponse from(SessionView view) {
        Session s = view.session();
        return new SessionResponse(s.id, s.eventId, s.title, s.startsAt, s.endsAt, s.capacity, s.confirmedCount,
                s.cancelledAt != null ? 0 : Math.max(0, s.capacity - s.confirmedCount),
                view.speakers().stream().map(Speaker::from).toList(), s.cancelledAt);
    }
}
