package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Bookings;

/** A move or re-pricing of a confirmed booking: only the fields present change. */
public record ChangeBookingRequest(
        @Schema(description = "Another room of your organisation (of any venue); omit to stay in the room")
        UUID roomId,
        @Schema(description = "When the event starts in the room", examples = "2027-03-10T09:00:00Z")
        Instant startsAt,
        @Schema(description = "When the event ends in the room", examples = "2027-03-10T18:00:00Z")
        Instant endsAt,
        @Schema(description = "Minutes the room is needed before the start; omit to keep the booking's")
        @PositiveOrZero @Max(10_080) Integer setupMinutes,
        @Schema(description = "Minutes the room is needed after the end; omit to keep the booking's")
        @PositiveOrZero @Max(10_080) Integer teardownMinutes,
        @Schema(description = "What the room costs from now on; omit to keep the booking's price")
        @Valid PriceRequest price) {
    Bookings.BookingChange change() {
        return new Bookings.BookingChange(roomId, startsAt, endsAt, setupMinutes, teardownMinutes,
                price == null ? null : price.amount(), price == null ? null : price.currency());
    }
}
