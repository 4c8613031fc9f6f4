package app.convene.budget.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LineKind;
import app.convene.backbone.money.Money;
import app.convene.budget.domain.ThresholdState;

/**
 * Recomputes a budget after any change and announces what changed: the forecast total, and each upward crossing of
 * the approved total or its tolerance (once per crossing). Callers hold the budget's row lock, so changes to one
 * budget are applied, compared and announced one at a time.
 */
@ApplicationScoped
public class Forecasts {
    @Inject
    EntityManager entityManager;
    @Inject
    ExchangeRates rates;
    @Inject
    Outbox outbox;

    /** The figures of every line and the totals, read with a light projection (no entities to dirty-check). */
    public BudgetFigures.Result figures(EventBudget budget) {
        List<Object[]> rows = entityManager.createQuery("""
                select l.id, l.kind, l.currency, l.unitAmount, l.committedAmount, l.lockedRate, l.actualAmount
                from LineItem l where l.eventId = :eventId order by l.createdAt, l.id""", Object[].class)
                .setParameter("eventId", budget.eventId).getResultList();
        List<BudgetFigures.LineInput> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new BudgetFigures.LineInput((UUID) row[0], (LineKind) row[1], (String) row[2],
                    (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6]));
        }
        return BudgetFigures.compute(budget.currency(), budget.headcountBasis, lines, ratesFor(budget, lines));
    }

    Map<String, BigDecimal> ratesFor(EventBudget budget, List<BudgetFigures.LineInput> lines) {
        boolean foreign = lines.stream().anyMatch(l -> l.lockedRate() == null && !l.currency().equals(budget.currency));
        return foreign ? rates.into(budget.organisation, budget.currency) : Map.of();
    }

    /** Recomputes the budget (locked by the caller) and announces a changed forecast and any threshold crossing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetFigures.Result recompute(EventBudget budget) {
        BudgetFigures.Result result = figures(budget);
        BigDecimal forecast = result.totals().forecast();
        if (forecast.compareTo(budget.forecastTotal) != 0) {
            BigDecimal previous = Money.round(budget.forecastTotal, budget.currency());
            budget.forecastTotal = forecast;
            budget.announcementSequence++;
            outbox.append(BudgetEvents.FORECAST_CHANGED, BudgetEvents.AGGREGATE, budget.eventId,
                    new BudgetEvents.ForecastChanged(budget.eventId, budget.announcementSequence, previous, forecast,
                            result.totals().estimate(), result.totals().committed(), result.totals().actual(),
                            plain(budget.headcountBasis),
                            BudgetFigures.perAttendee(forecast, budget.headcountBasis, budget.currency()),
                            budget.currency));
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

    /** 90 rather than 90.0000; never an exponent. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
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
                        forecast, Money.round(budget.approvedTotal, budget.currency()), budget.tolerancePercent,
                        budget.currency, budget.revision));
    }
}
