package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.convene.budget.domain.ExchangeRate;

/** Reads the exchange rates organisations gave ({@code exchange_rate}). */
@ApplicationScoped
public class ExchangeRateRepository {
    @Inject
    EntityManager entityManager;

    /** The organisation's rates, by base then quote currency. */
    public List<ExchangeRate> ofOrganisation(String organisation) {
        return ExchangeRate.list("organisation = ?1 order by baseCurrency, quoteCurrency", organisation);
    }

    /**
     * The organisation's rates into {@code quote}, by base currency. Every recompute of a budget reads them, so they
     * are read over the transaction's connection directly; a rate is only set in a transaction of its own, so none
     * waits to be flushed here.
     */
    public Map<String, BigDecimal> into(String organisation, String quote) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select base_currency, rate from exchange_rate where organisation = ? and quote_currency = ?")) {
                select.setString(1, organisation);
                select.setString(2, quote);
                Map<String, BigDecimal> rates = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rates.put(rows.getString(1), rows.getBigDecimal(2));
                    }
                }
                return rates;
            }
        });
    }
}
