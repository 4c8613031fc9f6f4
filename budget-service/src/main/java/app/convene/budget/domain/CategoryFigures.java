package app.convene.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    public static List<BudgetEvents.CategoryFigures> of(Currency currency, BudgetFigures.Result result,
            Map<UUID, LineCategory> categoryOfLine) {
        Map<LineCategory, BigDecimal[]> sums = new EnumMap<>(LineCategory.class);
        for (BudgetFigures.LineFigures line : result.lines()) {
            LineCategory category = categoryOfLine.getOrDefault(line.id(), LineCategory.OTHER);
            BigDecimal[] s = sums.computeIfAbsent(category, c -> new BigDecimal[] { Money.zero(currency),
                    Money.zero(currency), Money.zero(currency), Money.zero(currency) });
            s[0] = s[0].add(line.estimate());
            s[1] = s[1].add(line.forecast());
            s[2] = s[2].add(line.committed());
            s[3] = s[3].add(line.actual());
        }
        List<BudgetEvents.CategoryFigures> figures = new ArrayList<>(sums.size());
        sums.forEach((category, s) -> figures.add(new BudgetEvents.CategoryFigures(category.name(), s[0], s[1], s[2],
                s[3])));
        return figures;
    }

    /** The figures as one comparable string, to tell whether they changed since the last announcement. */
    public static String signature(List<BudgetEvents.CategoryFigures> figures) {
        return figures.stream().map(f -> f.category() + "=" + f.estimate().toPlainString() + "/"
                + f.forecast().toPlainString() + "/" + f.committed().toPlainString() + "/"
                + f.actual().toPlainString()).collect(Collectors.joining(";"));
    }
}
