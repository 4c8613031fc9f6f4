package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.ExchangeRate;

public record RateResponse(String base, String quote, BigDecimal rate, Instant setAt, String setBy) {

    static RateResponse of(ExchangeRate r) {
        return new RateResponse(r.baseCurrency, r.quoteCurrency, BudgetFigures.plain(r.rate), r.setAt, r.setBy);
    }
}
