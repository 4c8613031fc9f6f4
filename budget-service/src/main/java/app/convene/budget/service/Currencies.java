package app.convene.budget.service;

import java.math.BigDecimal;
import java.util.Currency;

import app.convene.backbone.problem.ProblemException;
import app.convene.budget.domain.Money;

/** Input rules for currencies and amounts, answered as 400s that name the field. */
final class Currencies {
    private Currencies() {
    }

    static Currency require(String field, String code) {
        Currency currency = Money.currencyOrNull(code);
        if (currency == null) {
            throw ProblemException.invalidField(field, "must be an ISO 4217 currency code with a minor unit, e.g. EUR");
        }
        return currency;
    }

    /** An amount of money must not carry more decimals than its currency has (10.005 EUR is refused, not rounded). */
    static void requireMinorUnit(String field, BigDecimal amount, Currency currency) {
        if (!Money.fitsMinorUnit(amount, currency)) {
            throw ProblemException.invalidField(field, "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals in " + currency.getCurrencyCode());
        }
    }
}
