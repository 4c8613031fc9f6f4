package app.convene.backbone.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

import app.convene.backbone.problem.ProblemException;

/**
 * Amounts of money as {@link BigDecimal} with their ISO 4217 {@link Currency}, never a double, for every service.
 * The one place where money is rounded (half-even to the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD)
 * and where input amounts and currency codes are checked, answered as 400 problems that name the field.
 */
public final class Money {
    /** Precision for intermediate products and quotients, before the final rounding. */
    public static final MathContext WORKING = MathContext.DECIMAL64;

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    /** {@code amount × factor}, rounded to the currency. */
    public static BigDecimal times(BigDecimal amount, BigDecimal factor, Currency currency) {
        return round(amount.multiply(factor, WORKING), currency);
    }

    /** {@code amount ÷ divisor}, rounded to the currency; zero when the divisor is zero. */
    public static BigDecimal per(BigDecimal amount, BigDecimal divisor, Currency currency) {
        if (divisor.signum() == 0) {
            return zero(currency);
        }
        return round(amount.divide(divisor, WORKING), currency);
    }

    public static BigDecimal zero(Currency currency) {
        return round(BigDecimal.ZERO, currency);
    }

    /** A stored amount at its currency's scale (columns keep more decimals than most currencies have). */
    public static BigDecimal atScale(BigDecimal amount, String currencyCode) {
        return amount == null ? null : round(amount, Currency.getInstance(currencyCode));
    }

    /** True when the amount needs no rounding in this currency (e.g. 10.50 EUR yes, 10.505 EUR no). */
    public static boolean fitsMinorUnit(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    /** An ISO 4217 currency that has a minor unit, or null when the code is not one. */
    public static Currency currencyOrNull(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The currency of an input field; a 400 naming the field when the code is not a currency money is paid in. */
    public static Currency currency(String field, String code) {
        Currency currency = currencyOrNull(code);
        if (currency == null) {
            throw ProblemException.invalidField(field, "must be an ISO 4217 currency code with a minor unit, e.g. EUR");
        }
        return currency;
    }

    /** An input amount must not carry more decimals than its currency has: 10.005 EUR is refused, not rounded. */
    public static void requireMinorUnit(String field, BigDecimal amount, Currency currency) {
        if (!fitsMinorUnit(amount, currency)) {
            throw ProblemException.invalidField(field, "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals in " + currency.getCurrencyCode());
        }
    }

    /** An input amount and its currency, checked; the amount at the currency's scale. */
    public static BigDecimal checked(String amountField, String currencyField, BigDecimal amount, String currencyCode) {
        Currency currency = currency(currencyField, currencyCode);
        requireMinorUnit(amountField, amount, currency);
        return round(amount, currency);
    }

    /** {@link #checked(String, String, BigDecimal, String)} for a {@code {amount, currency}} object field. */
    public static BigDecimal checked(String field, BigDecimal amount, String currencyCode) {
        return checked(field + ".amount", field + ".currency", amount, currencyCode);
    }
}
