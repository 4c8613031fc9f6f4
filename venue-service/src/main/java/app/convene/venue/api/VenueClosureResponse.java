package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.VenueClosure;
import app.convene.venue.service.Closures;

public record VenueClosureResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID venueId,
        @Schema(description = "The closed room; null when the whole venue is closed") UUID roomId, String roomName,
        @Schema(required = true) Instant from, @Schema(required = true) Instant until,
        @Schema(required = true) String reason,
        @Schema(required = true, description = "ACTIVE, or WITHDRAWN once the venue reopened (kept, never deleted)")
        String status,
        @Schema(required = true) String closedBy, @Schema(required = true) Instant closedAt, String withdrawnBy,
        Instant withdrawnAt,
        @Schema(required = true, description = "Confirmed bookings the closure overlaps (their events' room-booked "
                + "check is not met while it is active); on withdrawal, those that are no longer held by it")
        List<AffectedBookingResponse> affectedBookings) {
    static VenueClosureResponse from(Closures.Closure outcome) {
        VenueClosure c = outcome.closure();
        return new VenueClosureResponse(c.id, c.venueId, c.roomId, outcome.roomName(), c.startsAt, c.endsAt, c.reason,
                c.status.name(), c.closedBy, c.closedAt, c.withdrawnBy, c.withdrawnAt,
                outcome.affectedBookings().stream().map(AffectedBookingResponse::from).toList());
    }
}
