package app.convene.budget.persistence;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.backbone.metrics.StateGauge;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.ThresholdState;

/** The budget figures ops and finance watch: budgets of what is still to come by status and by threshold. */
@ApplicationScoped
public class BudgetStateGauges implements StateGauge.Source {
    private static final String UPCOMING = "(ends_at is null or ends_at > now()) and event_cancelled_at is null";

    @Override
    public List<StateGauge> gauges() {
        return List.of(
                StateGauge.countBy("budget.budgets", "Budgets of events not yet over and not cancelled, by status",
                        "status", names(BudgetStatus.values()),
                        "select status, count(*) from event_budget where " + UPCOMING + " group by status"),
                StateGauge.countBy("budget.thresholds",
                        "Budgets of events not yet over, by where their forecast stands against the approved total",
                        "state", names(ThresholdState.values()),
                        "select threshold_state, count(*) from event_budget where " + UPCOMING
                                + " group by threshold_state"));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
