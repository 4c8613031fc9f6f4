package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.venue.domain.Booking;

public record BookingResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID roomId,
        @Schema(required = true) UUID eventId, @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt, @Schema(required = true) Instant setupStartsAt,
        @Schema(required = true) Instant teardownEndsAt, PriceResponse price, @Schema(required = true) String status,
        @Schema(required = true) String bookedBy, @Schema(required = true) Instant bookedAt, Instant cancelledAt,
        String cancellationReason) {
    static BookingResponse from(Booking b) {
        return new BookingResponse(b.id, b.roomId, b.eventId, b.startsAt, b.endsAt, b.setupStartsAt,
                b.teardownEndsAt, b.priceAmount == null ? null
                        : new PriceResponse(Money.atScale(b.priceAmount, b.priceCurrency), b.priceCurrency),
                b.status.name(), b.bookedBy, b.bookedAt, b.cancelledAt, b.cancellationReason);
    }
}
