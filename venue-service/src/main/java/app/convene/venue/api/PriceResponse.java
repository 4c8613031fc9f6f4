package app.convene.venue.api;

import java.math.BigDecimal;

public record PriceResponse(BigDecimal amount, String currency) {
}
