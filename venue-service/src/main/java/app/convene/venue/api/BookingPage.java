package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BookingPage(
        @Schema(required = true, description = "The bookings, by setup time") List<BookingResponse> bookings,
        @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {
}
