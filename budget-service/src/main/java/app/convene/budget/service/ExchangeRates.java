package app.convene.budget.service;

import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.domain.ExchangeRate;
import app.convene.budget.persistence.ExchangeRateRepository;

/**
 * Rates given through the API (no live feed), per organisation: each organisation's finance sets its own, and a
 * budget is converted only with the rates of its own organisation. A committed line keeps the rate it was committed
 * at.
 */
@ApplicationScoped
public class ExchangeRates {
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    ExchangeRateRepository repository;

    /** Sets the caller's organisation's rate. */
    @Transactional
    public ExchangeRate set(String base, String quote, BigDecimal rate) {
        Money.currency("base", base);
        Money.currency("quote", quote);
        if (base.equals(quote)) {
            throw ProblemException.invalidField("quote", "must differ from the base currency");
        }
        String organisation = caller.organisation();
        ExchangeRate existing = ExchangeRate.findById(new ExchangeRate.Pair(organisation, base, quote),
                LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            existing = new ExchangeRate();
            existing.organisation = organisation;
            existing.baseCurrency = base;
            existing.quoteCurrency = quote;
            existing.rate = rate;
            existing.setAt = clock.instant();
            existing.setBy = caller.subject();
            existing.persist();
            return existing;
        }
        existing.rate = rate;
        existing.setAt = clock.instant();
        existing.setBy = caller.subject();
        return existing;
    }

    /** The caller's organisation's rates. */
    public List<ExchangeRate> all() {
        return repository.ofOrganisation(caller.organisation());
    }

    /** The organisation's current rates into {@code quote}, by base currency; none while it is unknown. */
    public Map<String, BigDecimal> into(String organisation, String quote) {
        return organisation == null ? new HashMap<>() : repository.into(organisation, quote);
    }

    /**
     * The organisation's current rate from {@code base} to {@code quote}: 1 for the same currency; a 409 when it
     * gave none.
     */
    public BigDecimal require(String organisation, String base, String quote) {
        if (base.equals(quote)) {
            return BigDecimal.ONE;
        }
        ExchangeRate rate = organisation == null ? null
                : ExchangeRate.findById(new ExchangeRate.Pair(organisation, base, quote));
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
