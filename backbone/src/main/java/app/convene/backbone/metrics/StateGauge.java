package app.convene.backbone.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A figure of a service's state that ops watch on a dashboard (attendees on waiting lists, budgets over their
 * tolerance, events not ready), counted in the service's own database and served on {@code /q/metrics} as a gauge.
 * With a {@code label}, {@code sql} answers rows of (label value, count) and there is one gauge per value of
 * {@code labelValues} (a value without a row is 0); without one, it answers a single count.
 */
public record StateGauge(String name, String description, String label, List<String> labelValues, String sql) {

    public StateGauge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        labelValues = labelValues == null ? List.of() : List.copyOf(labelValues);
        if ((label == null) != labelValues.isEmpty()) {
            throw new IllegalArgumentException("a labelled gauge needs its label values, an unlabelled one none");
        }
    }

    /** A single count. */
    public static StateGauge count(String name, String description, String sql) {
        return new StateGauge(name, description, null, List.of(), sql);
    }

    /** A count per value of {@code label}; {@code sql} answers (value, count) rows. */
    public static StateGauge countBy(String name, String description, String label, List<String> values, String sql) {
        return new StateGauge(name, description, label, values, sql);
    }

    /** What a service declares: the gauges of its state. */
    public interface Source {
        List<StateGauge> gauges();
    }
}
