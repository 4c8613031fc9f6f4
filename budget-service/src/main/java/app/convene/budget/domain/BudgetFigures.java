package app.convene.budget.domain;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arithmetic of a budget, pure and in one place. Each line's figures are rounded to the budget currency, and
 * every total is the plain sum of those rounded figures, so totals equal the sum of the lines in every state.
 *
 * <ul>
 * <li>estimate: the fixed amount, or the unit amount × the headcount basis, converted at the locked rate once the
 * line is committed, before that at the current rate;</li>
 * <li>committed and actual: at the rate locked by the commitment;</li>
 * <li>forecast: the most the line is now expected to cost, max(estimate, committed, actual);</li>
 * <li>variance: forecast − estimate, what the line is expected to run over its estimate.</li>
 * </ul>
 */
public final class BudgetFigures {

    /** What the arithmetic needs of a line. */
    public record LineInput(UUID id, LineKind kind, String currency, BigDecimal unitAmount,
            BigDecimal committedAmount, BigDecimal lockedRate, BigDecimal actualAmount) {
    }

    /** A line's figures; {@code estimateInLineCurrency} before conversion, the rest in the budget currency. */
    public record LineFigures(UUID id, BigDecimal estimateInLineCurrency, BigDecimal rate, BigDecimal estimate,
            BigDecimal committed, BigDecimal actual, BigDecimal forecast, BigDecimal variance) {
    }

    public record Totals(BigDecimal estimate, BigDecimal committed, BigDecimal actual, BigDecimal forecast,
            BigDecimal variance) {
    }

    public record Result(List<LineFigures> lines, Totals totals) {
    }

    /**
     * The totals, the figures per category (only categories with lines, in declared order) and how many lines count.
     */
    public record Summary(Totals totals, List<BudgetEvents.CategoryFigures> categories, long lines) {
    }

    private BudgetFigures() {
    }

    /**
     * @param rates current rates into the budget currency by line currency (the budget currency itself needs none)
     * @throws MissingRateException when an uncommitted line's currency has no rate
     */
    public static Result compute(Currency budgetCurrency, BigDecimal headcountBasis, List<LineInput> lines,
            Map<String, BigDecimal> rates) {
        BigDecimal estimate = Money.zero(budgetCurrency);
        BigDecimal committed = estimate;
        BigDecimal actual = estimate;
        BigDecimal forecast = estimate;
        BigDecimal variance = estimate;
        List<LineFigures> figures = new ArrayList<>(lines.size());
        for (LineInput line : lines) {
            LineFigures f = line(budgetCurrency, headcountBasis, line, rates);
            figures.add(f);
            estimate = estimate.add(f.estimate());
            committed = committed.add(f.committed());
            actual = actual.add(f.actual());
            forecast = forecast.add(f.forecast());
            variance = variance.add(f.variance());
        }
        return new Result(figures, new Totals(estimate, committed, actual, forecast, variance));
    }

    public static LineFigures line(Currency budgetCurrency, BigDecimal headcountBasis, LineInput line,
            Map<String, BigDecimal> rates) {
        Currency lineCurrency = Currency.getInstance(line.currency());
        BigDecimal estimateInLine = line.kind() == LineKind.PER_ATTENDEE
                ? times(line.unitAmount(), headcountBasis, lineCurrency)
                : Money.round(line.unitAmount(), lineCurrency);
        BigDecimal rate = rateOf(budgetCurrency, line, rates);
        BigDecimal estimate = times(estimateInLine, rate, budgetCurrency);
        BigDecimal committed = line.committedAmount() == null ? Money.zero(budgetCurrency)
                : times(line.committedAmount(), rate, budgetCurrency);
        BigDecimal actual = line.actualAmount() == null || line.actualAmount().signum() == 0
                ? Money.zero(budgetCurrency)
                : times(line.actualAmount(), rate, budgetCurrency);
        BigDecimal forecast = estimate.max(committed).max(actual);
        return new LineFigures(line.id(), estimateInLine, rate, estimate, committed, actual, forecast,
                forecast.subtract(estimate));
    }

    /**
     * {@code amount × factor}, exact, then rounded half-even to the currency: the arithmetic PostgreSQL does when it
     * sums a budget's lines (numeric products are exact there), so the database's totals equal the sums of the lines.
     */
    static BigDecimal times(BigDecimal amount, BigDecimal factor, Currency currency) {
        return Money.round(amount.multiply(factor), currency);
    }

    /** The locked rate of a committed line, else the current one; 1 for a line in the budget's currency. */
    public static BigDecimal rateOf(Currency budgetCurrency, LineInput line, Map<String, BigDecimal> rates) {
        if (line.lockedRate() != null) {
            return line.lockedRate();
        }
        if (line.currency().equals(budgetCurrency.getCurrencyCode())) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = rates.get(line.currency());
        if (rate == null) {
            throw new MissingRateException(line.currency(), budgetCurrency.getCurrencyCode());
        }
        return rate;
    }

    /** A decimal as people write it: without trailing zeros and never in exponent form (90, not 90.0000 or 9E+1). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Cost per attendee: the total divided by a headcount, rounded; zero without attendees. */
    public static BigDecimal perAttendee(BigDecimal total, BigDecimal attendees, Currency currency) {
        return Money.per(total, attendees, currency);
    }

    public static class MissingRateException extends RuntimeException {
        public final String from;
        public final String to;

        public MissingRateException(String from, String to) {
            super("no exchange rate from " + from + " to " + to);
            this.from = from;
            this.to = to;
        }
    }
}
