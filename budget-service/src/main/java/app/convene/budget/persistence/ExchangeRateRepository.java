package app.convene.budget.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.budget.domain.ExchangeRate;

/** Reads the exchange rates organisations gave ({@code exchange_rate}). */
@ApplicationScoped
public class ExchangeRateRepository {

    /** The organisation's rates, by base then quote currency. */
    public List<ExchangeRate> ofOrganisation(String organisation) {
        return ExchangeRate.list("organisation = ?1 order by baseCurrency, quoteCurrency", organisation);
    }

    /** The organisation's rates into {@code quote}. */
    public List<ExchangeRate> into(String organisation, String quote) {
        return ExchangeRate.list("organisation = ?1 and quoteCurrency = ?2", organisation, quote);
    }
}
