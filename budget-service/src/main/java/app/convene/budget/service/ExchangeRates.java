package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.budget.domain.ExchangeRate;

/** Rates given through the API (no live feed); a committed line keeps the rate it was committed at. */
@ApplicationScoped
public class ExchangeRates {

    @Transactional
    public ExchangeRate set(String base, String quote, BigDecimal rate, String actor) {
        Currencies.require("base", base);
        Currencies.require("quote", quote);
        if (base.equals(quote)) {
            throw ProblemException.invalidField("quote", "must differ from the base currency");
        }
        ExchangeRate existing = ExchangeRate.findById(new ExchangeRate.Pair(base, quote),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            existing = new ExchangeRate();
            existing.baseCurrency = base;
            existing.quoteCurrency = quote;
            existing.rate = rate;
            existing.setAt = Instant.now();
            existing.setBy = actor;
            existing.persist();
            return existing;
        }
        existing.rate = rate;
        existing.setAt = Instant.now();
        existing.setBy = actor;
        return existing;
    }

    public List<ExchangeRate> all() {
        return ExchangeRate.list("order by baseCurrency, quoteCurrency");
    }

    /** Current rates into {@code quote}, by base currency. */
    public Map<String, BigDecimal> into(String quote) {
        Map<String, BigDecimal> rates = new HashMap<>();
        for (ExchangeRate rate : ExchangeRate.<ExchangeRate>list("quoteCurrency", quote)) {
            rates.put(rate.baseCurrency, rate.rate);
        }
        return rates;
    }

    /** The current rate from {@code base} to {@code quote}: 1 for the same currency; a 409 when none was given. */
    public BigDecimal require(String base, String quote) {
        if (base.equals(quote)) {
            return BigDecimal.ONE;
        }
        ExchangeRate rate = ExchangeRate.findById(new ExchangeRate.Pair(base, quote));
        if (rate == null) {
            throw missing(base, quote);
        }
        return rate.rate;
    }

    static ProblemException missing(String base, String quote) {
        return new ProblemException(409, "exchange-rate-missing", "Exchange rate missing", "no exchange rate from "
                + base + " to " + quote + " was given; set one with PUT /api/exchange-rates/" + base + "/" + quote);
    }
}
