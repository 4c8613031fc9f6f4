package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.ExchangeRate;

public record RateResponse(@Schema(required = true) String base, @Schema(required = true) String quote,
        @Schema(required = true) BigDecimal rate, @Schema(required = true) Instant setAt,
        @Schema(required = true) String setBy) {

    static RateResponse of(ExchangeRate r) {
        return new RateResponse(r.baseCurrency, r.quoteCurrency, BudgetFigures.plain(r.rate), r.setAt, r.setBy);
    }
}
