package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Bookings;

public record BookingRequest(
        @NotNull UUID roomId,
        @NotNull UUID eventId,
        @NotNull @Schema(description = "When the event starts in the room", examples = "2027-03-10T08:00:00Z")
        Instant startsAt,
        @NotNull @Schema(description = "When the event ends in the room", examples = "2027-03-10T17:00:00Z")
        Instant endsAt,
        @Schema(description = "Minutes the room is needed before the start; default 0")
        @PositiveOrZero @Max(10_080) Integer setupMinutes,
        @Schema(description = "Minutes the room is needed after the end; default 0")
        @PositiveOrZero @Max(10_080) Integer teardownMinutes,
        @Schema(description = "What the room costs; omit when free") @Valid PriceRequest price) {
    /** What to book, with the setup and teardown time that was left out as none. */
    Bookings.BookingTerms terms() {
        return new Bookings.BookingTerms(roomId, eventId, startsAt, endsAt, orZero(setupMinutes),
                orZero(teardownMinutes), price == null ? null : price.amount(),
                price == null ? null : price.currency());
    }

    private static int orZero(Integer minutes) {
        return minutes == null ? 0 : minutes;
    }
}
