package app.convene.registration.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.convene.registration.domain.Session;
import app.convene.registration.service.Sessions.SessionView;

public record SessionResponse(UUID id, UUID eventId, String title, Instant startsAt, Instant endsAt,
        int capacity, int confirmed, int seatsLeft, List<Speaker> speakers) {
    static SessionResponse from(SessionView view) {
        Session s = view.session();
        return new SessionResponse(s.id, s.eventId, s.title, s.startsAt, s.endsAt, s.capacity, s.confirmedCount,
                Math.max(0, s.capacity - s.confirmedCount), view.speakers().stream().map(Speaker::from).toList());
    }
}
