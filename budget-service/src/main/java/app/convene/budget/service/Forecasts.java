package app.convene.budget.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.CategoryFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LineItem;
import app.convene.backbone.money.Money;
import app.convene.budget.domain.ThresholdState;
import app.convene.budget.persistence.LineItemRepository;

/**
 * Recomputes a budget after any change and announces what changed: the forecast total or a category's figures
 * ({@code budget.forecast-changed.v2}), and each upward crossing of
 * the approved total or its tolerance (once per crossing). Callers hold the budget's row lock, so changes to one
 * budget are applied, compared and announced one at a time.
 */
@ApplicationScoped
public class Forecasts {
    @Inject
    LineItemRepository lineItems;
    @Inject
    ExchangeRates rates;
    @Inject
    Outbox outbox;

    /** The figures of every line and the totals (every line read: for the whole budget's view). */
    public BudgetFigures.Result figures(EventBudget budget) {
        List<BudgetFigures.LineInput> lines = lineItems.figureInputs(budget.eventId);
        return BudgetFigures.compute(budget.currency(), budget.headcountBasis, lines, ratesFor(budget, lines));
    }

    Map<String, BigDecimal> ratesFor(EventBudget budget, List<BudgetFigures.LineInput> lines) {
        boolean foreign = lines.stream().anyMatch(l -> l.lockedRate() == null && !l.currency().equals(budget.currency));
        return foreign ? rates.into(budget.organisation, budget.currency) : Map.of();
    }

    /** The figures of some of the budget's lines (e.g. a page of them), each as in {@link #figures}. */
    public List<BudgetFigures.LineFigures> figuresOf(EventBudget budget, List<LineItem> lines) {
        List<BudgetFigures.LineInput> inputs = lines.stream().map(LineItem::figureInput).toList();
        Map<String, BigDecimal> current = ratesFor(budget, inputs);
        return inputs.stream().map(l -> BudgetFigures.line(budget.currency(), budget.headcountBasis, l, current))
                .toList();
    }

    /**
     * The budget's totals and its figures per category, summed by the database without reading the lines: equal to
     * the sums of {@link #figures}.
     *
     * @throws BudgetFigures.MissingRateException when a line converted at the current rate has none
     */
    public BudgetFigures.Summary summary(EventBudget budget) {
        return CategoryFigures.summary(budget.currency(), lineItems.sumsByCategory(budget.eventId, budget.currency(),
                budget.headcountBasis, rates.into(budget.organisation, budget.currency)));
    }

    /**
     * The summaries of many budgets of one organisation (a roll-up of a period), summed by the database in one
     * statement; each is read with {@link Summaries#of}, equal to {@link #summary} of that budget.
     */
    public Summaries summaries(String organisation, List<EventBudget> budgets) {
        Map<String, Map<String, BigDecimal>> ratesInto = new HashMap<>();
        budgets.forEach(b -> ratesInto.computeIfAbsent(b.currency, c -> rates.into(organisation, c)));
        return new Summaries(lineItems.sumsByCategory(budgets.stream().map(b -> new LineItemRepository.SummedBudget(
                b.eventId, b.currency(), b.headcountBasis)).toList(), ratesInto));
    }

    /** The sums of some budgets' lines, read together, by event. */
    public record Summaries(Map<UUID, LineItemRepository.BudgetSums> sums) {
        /**
         * The budget's summary, as {@link Forecasts#summary} gives it.
         *
         * @throws BudgetFigures.MissingRateException when a line converted at the current rate has none
         */
        public BudgetFigures.Summary of(EventBudget budget) {
            LineItemRepository.BudgetSums budgetSums = sums.get(budget.eventId);
            return CategoryFigures.summary(budget.currency(),
                    budgetSums == null ? List.of() : budgetSums.categories(budget.currency()));
        }
    }

    /**
     * Recomputes the budget (locked by the caller) and announces a changed forecast and any threshold crossing; its
     * totals.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetFigures.Totals recompute(EventBudget budget) {
        BudgetFigures.Summary summary = summary(budget);
        BudgetFigures.Totals result = summary.totals();
        BigDecimal forecast = result.forecast();
        List<BudgetEvents.CategoryFigures> categories = summary.categories();
        String signature = CategoryFigures.signature(categories);
        // A budget that never announced figures stands at none: a budget without lines has nothing new to say.
        String announced = budget.announcedFigures == null ? "" : budget.announcedFigures;
        if (forecast.compareTo(budget.forecastTotal) != 0 || !signature.equals(announced)) {
            BigDecimal previous = Money.round(budget.forecastTotal, budget.currency());
            budget.forecastTotal = forecast;
            budget.announcedFigures = signature;
            budget.announcementSequence++;
            outbox.append(BudgetEvents.FORECAST_CHANGED_V2, BudgetEvents.AGGREGATE, budget.eventId,
                    new BudgetEvents.ForecastChangedV2(budget.eventId, budget.announcementSequence, previous,
                            forecast, result.estimate(), result.committed(), result.actual(), BudgetFigures.plain(budget.headcountBasis),
                            BudgetFigures.perAttendee(forecast, budget.headcountBasis, budget.currency()),
                            budget.currency, categories));
        }
        ThresholdState next = thresholdState(budget, forecast);
        if (next.ordinal() > budget.thresholdState.ordinal()) {
            if (budget.thresholdState.ordinal() < ThresholdState.ABOVE_APPROVED.ordinal()
                    && next.ordinal() >= ThresholdState.ABOVE_APPROVED.ordinal()) {
                announceCrossing(budget, "APPROVED_TOTAL", budget.approvedTotal, forecast);
            }
            if (next == ThresholdState.ABOVE_TOLERANCE) {
                announceCrossing(budget, "TOLERANCE", toleranceLimit(budget), forecast);
                if (budget.status == BudgetStatus.APPROVED) {
                    budget.status = BudgetStatus.REAPPROVAL_REQUIRED;
                }
            }
        }
        budget.thresholdState = next;
        return result;
    }

    /** Where a forecast stands against the budget's approved total and tolerance. */
    public static ThresholdState thresholdState(EventBudget budget, BigDecimal forecast) {
        if (budget.approvedTotal == null) {
            return ThresholdState.NONE;
        }
        if (forecast.compareTo(toleranceLimit(budget)) > 0) {
            return ThresholdState.ABOVE_TOLERANCE;
        }
        if (forecast.compareTo(budget.approvedTotal) > 0) {
            return ThresholdState.ABOVE_APPROVED;
        }
        return ThresholdState.WITHIN;
    }

    /** The approved total plus its tolerance, rounded to the currency. */
    public static BigDecimal toleranceLimit(EventBudget budget) {
        BigDecimal factor = BigDecimal.ONE.add(budget.tolerancePercent.movePointLeft(2));
        return Money.times(budget.approvedTotal, factor, budget.currency());
    }

    private void announceCrossing(EventBudget budget, String threshold, BigDecimal limit, BigDecimal forecast) {
        outbox.append(BudgetEvents.THRESHOLD_EXCEEDED, BudgetEvents.AGGREGATE, budget.eventId,
                new BudgetEvents.ThresholdExceeded(budget.eventId, threshold, Money.round(limit, budget.currency()),
                        forecast, budget.roundedApprovedTotal(), budget.tolerancePercent,
                        budget.currency, budget.revision));
    }
}
