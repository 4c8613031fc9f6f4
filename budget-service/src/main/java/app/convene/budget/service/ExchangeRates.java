package app.convene.budget.service;

import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.ChangeLocks;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.ExchangeRate;
import app.convene.budget.persistence.ExchangeRateRepository;

/**
 * Rates given through the API (no live feed), per organisation: each organisation's finance sets its own, and a
 * budget is converted only with the rates of its own organisation. A committed line keeps the rate it was committed
 * at. Each rate has a strong tag of what it is ({@link #tag}); a setting that names the tag it was made from
 * ({@code If-Match}) is refused (412) when the rate is no longer what was read.
 */
@ApplicationScoped
public class ExchangeRates {
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    ExchangeRateRepository repository;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    /** What a rate's tag is taken from. */
    private record RateState(String base, String quote, BigDecimal rate, Instant setAt, String setBy) {
    }

    /** The strong tag of a rate as read: changes with the rate, and whoever set it when. */
    public String tag(ExchangeRate rate) {
        return EntityTags.of(json, new RateState(rate.baseCurrency, rate.quoteCurrency,
                BudgetFigures.plain(rate.rate), rate.setAt, rate.setBy));
    }

    /**
     * Sets the caller's organisation's rate. With {@code ifMatch}, only while the rate is what was read (412
     * otherwise, and when none was set yet); the pair is held for the transaction while it is checked and set, set
     * or not, so of settings made from the same read only one passes.
     */
    @Transactional
    public ExchangeRate set(String base, String quote, BigDecimal rate, String ifMatch) {
        Money.currency("base", base);
        Money.currency("quote", quote);
        if (base.equals(quote)) {
            throw ProblemException.invalidField("quote", "must differ from the base currency");
        }
        String organisation = caller.organisation();
        // There may be no row to lock yet: hold the pair by name.
        ChangeLocks.hold(entityManager, "exchange-rate:" + base + "/" + quote, organisation);
        ExchangeRate existing = ExchangeRate.findById(new ExchangeRate.Pair(organisation, base, quote),
                LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireCurrent(ifMatch, existing == null ? null : tag(existing));
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

    /** The caller's organisation's rate from {@code base} to {@code quote}; a 404 when it gave none. */
    public ExchangeRate one(String base, String quote) {
        Money.currency("base", base);
        Money.currency("quote", quote);
        ExchangeRate rate = ExchangeRate.findById(new ExchangeRate.Pair(caller.organisation(), base, quote));
        if (rate == null) {
            throw ProblemException.notFound("exchange rate", base + "/" + quote);
        }
        return rate;
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
