package app.convene.budget.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one place where money is rounded: half-even to the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD).
 * Every amount the service stores, shows, announces or exports went through {@link #round}.
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
            return round(BigDecimal.ZERO, currency);
        }
        return round(amount.divide(divisor, WORKING), currency);
    }

    public static BigDecimal zero(Currency currency) {
        return round(BigDecimal.ZERO, currency);
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
}
