package app.convene.venue.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PriceResponse(@Schema(required = true) BigDecimal amount, @Schema(required = true) String currency) {
}
