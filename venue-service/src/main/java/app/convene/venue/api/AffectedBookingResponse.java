package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Closures;

@Schema(description = "A confirmed booking the closure overlaps (setup to teardown); its id and event are null when "
        + "you may not see the event (a confidential event of which you are not a member)")
public record AffectedBookingResponse(UUID bookingId, UUID eventId, @Schema(required = true) UUID roomId,
        @Schema(required = true) String roomName, @Schema(required = true) Instant setupStartsAt,
        @Schema(required = true) Instant teardownEndsAt) {
    static AffectedBookingResponse from(Closures.AffectedBooking b) {
        return new AffectedBookingResponse(b.bookingId(), b.eventId(), b.roomId(), b.roomName(), b.setupStartsAt(),
                b.teardownEndsAt());
    }
}
