package app.convene.venue.service;

import java.math.BigDecimal;
import java.util.Currency;

import app.convene.backbone.problem.ProblemException;

/** Amounts with their ISO 4217 currency: checked against the currency's minor unit, never a double. */
public final class Money {
    private Money() {
    }

    /** The amount at its currency's scale; refuses unknown currencies and more decimals than the currency has. */
    public static BigDecimal checked(String field, BigDecimal amount, String currencyCode) {
        return checked(field + ".amount", field + ".currency", amount, currencyCode);
    }

    public static BigDecimal checked(String amountField, String currencyField, BigDecimal amount,
            String currencyCode) {
        Currency currency = currency(currencyField, currencyCode);
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw ProblemException.invalidField(amountField,
                    currencyCode + " allows at most " + digits + " decimal" + (digits == 1 ? "" : "s"));
        }
        return amount.setScale(digits);
    }

    public static Currency currency(String field, String currencyCode) {
        try {
            Currency currency = Currency.getInstance(currencyCode);
            if (currency.getDefaultFractionDigits() < 0) {
                throw ProblemException.invalidField(field, currencyCode + " is not a currency money can be paid in");
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(field, "must be an ISO 4217 currency code, e.g. EUR");
        }
    }

    /** A stored amount at its currency's scale (the column keeps three decimals for every currency). */
    public static BigDecimal atScale(BigDecimal amount, String currencyCode) {
        return amount == null ? null
                : amount.setScale(Currency.getInstance(currencyCode).getDefaultFractionDigits(),
                        java.math.RoundingMode.UNNECESSARY);
    }
}
