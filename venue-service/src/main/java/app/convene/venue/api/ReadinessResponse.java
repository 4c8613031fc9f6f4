package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.EventReadiness;
import app.convene.venue.service.Readiness;

public record ReadinessResponse(@Schema(required = true) UUID eventId, String title, Instant startsAt, Instant endsAt,
        String timeZone, int expectedHeadcount,
        @Schema(description = "Seats registration lets be confirmed; null until registration says")
        Integer capacity,
        @Schema(description = "When registration cancelled the event; null while it goes ahead")
        Instant cancelledAt,
        boolean ready, @Schema(required = true) List<CheckResponse> checks) {
    static ReadinessResponse from(Readiness.Assessment assessment) {
        EventReadiness event = assessment.event();
        return new ReadinessResponse(event.eventId, event.title, event.startsAt, event.endsAt, event.timeZone,
                event.expectedHeadcount(), event.capacity, event.cancelledAt, assessment.ready(),
                assessment.checks().stream().map(CheckResponse::from).toList());
    }
}
