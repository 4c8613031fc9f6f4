package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.backbone.money.Money;
import app.convene.venue.domain.Booking;

public record BookingResponse(UUID id, UUID roomId, UUID eventId, Instant startsAt, Instant endsAt,
        Instant setupStartsAt, Instant teardownEndsAt, PriceResponse price, String status, String bookedBy,
        Instant bookedAt, Instant cancelledAt, String cancellationReason) {
    static BookingResponse from(Booking b) {
        return new BookingResponse(b.id, b.roomId, b.eventId, b.startsAt, b.endsAt, b.setupStartsAt,
                b.teardownEndsAt, b.priceAmount == null ? null
                        : new PriceResponse(Money.atScale(b.priceAmount, b.priceCurrency), b.priceCurrency),
                b.status.name(), b.bookedBy, b.bookedAt, b.cancelledAt, b.cancellationReason);
    }
}
