package app.convene.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.money.Money;

/**
 * A budget's figures by category of line: each the plain sum of its lines' rounded figures, so the categories add
 * up to the totals. Only categories that have lines are listed, in the order {@link LineCategory} declares them.
 */
public final class CategoryFigures {
    private CategoryFigures() {
    }

    /** The totals and per-category figures of a budget from its lines' figures summed per category. */
    public static BudgetFigures.Summary summary(Currency currency, List<? extends LineItemSums> sums) {
        Map<LineCategory, LineItemSums> byCategory = new EnumMap<>(LineCategory.class);
        sums.forEach(s -> byCategory.put(s.category(), s));
        BigDecimal estimate = Money.zero(currency);
        BigDecimal committed = estimate;
        BigDecimal actual = estimate;
        BigDecimal forecast = estimate;
        long lines = 0;
        List<BudgetEvents.CategoryFigures> figures = new ArrayList<>(byCategory.size());
        for (LineItemSums s : byCategory.values()) {
            figures.add(new BudgetEvents.CategoryFigures(s.category().name(), s.estimate(), s.forecast(),
                    s.committed(), s.actual()));
            estimate = estimate.add(s.estimate());
            committed = committed.add(s.committed());
            actual = actual.add(s.actual());
            forecast = forecast.add(s.forecast());
            lines += s.lines();
        }
        return new BudgetFigures.Summary(new BudgetFigures.Totals(estimate, committed, actual, forecast,
                forecast.subtract(estimate)), figures, lines);
    }

    /** The sums of one category's lines' rounded figures, in the budget currency. */
    public interface LineItemSums {
        LineCategory category();

        long lines();

        BigDecimal estimate();

        BigDecimal committed();

        BigDecimal actual();

        BigDecimal forecast();
    }

    /** The figures as one comparable string, to tell whether they changed since the last announcement. */
    public static String signature(List<BudgetEvents.CategoryFigures> figures) {
        return figures.stream().map(f -> f.category() + "=" + f.estimate().toPlainString() + "/"
                + f.forecast().toPlainString() + "/" + f.committed().toPlainString() + "/"
                + f.actual().toPlainString()).collect(Collectors.joining(";"));
    }
}
