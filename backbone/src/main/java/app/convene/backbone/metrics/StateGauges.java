package app.convene.backbone.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Serves every {@link StateGauge} the service declares. The gauges exist from start-up (at 0) so a dashboard never
 * queries a missing series; their values are counted every {@code backbone.metrics.state-refresh} (30 s by default)
 * in one short read-only transaction, not on each scrape, so a busy Prometheus costs the database nothing. Every
 * replica serves the same figures: dashboards take their {@code max}.
 */
@ApplicationScoped
public class StateGauges {
    private static final Logger LOG = Logger.getLogger(StateGauges.class);

    @Inject
    Instance<StateGauge.Source> sources;
    @Inject
    MeterRegistry meters;
    @Inject
    EntityManager entityManager;

    private final Map<StateGauge, Map<String, AtomicLong>> values = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        for (StateGauge.Source source : sources) {
            for (StateGauge gauge : source.gauges()) {
                Map<String, AtomicLong> byLabel = new LinkedHashMap<>();
                if (gauge.label() == null) {
                    byLabel.put("", register(gauge, null));
                } else {
                    for (String value : gauge.labelValues()) {
                        byLabel.put(value, register(gauge, value));
                    }
                }
                values.put(gauge, byLabel);
            }
        }
    }

    private AtomicLong register(StateGauge gauge, String labelValue) {
        AtomicLong value = new AtomicLong();
        Gauge.Builder<AtomicLong> builder = Gauge.builder(gauge.name(), value, AtomicLong::get)
                .description(gauge.description());
        if (labelValue != null) {
            builder.tag(gauge.label(), labelValue);
        }
        builder.register(meters);
        return value;
    }

    @Scheduled(every = "${backbone.metrics.state-refresh:30s}", delayed = "${backbone.metrics.state-first-refresh:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (values.isEmpty()) {
            return;
        }
        try {
            refreshNow();
        } catch (RuntimeException e) {
            // The figures stay as last counted; the database's own health check reports an outage.
            LOG.debugf("State gauges not refreshed: %s", e.getMessage());
        }
    }

    /** Counts every gauge's figure as of now; a query that fails throws. */
    public void refreshNow() {
        Map<StateGauge, Map<String, Long>> counted = QuarkusTransaction.requiringNew().timeout(10).call(this::count);
        counted.forEach((gauge, byLabel) -> values.get(gauge)
                .forEach((label, value) -> value.set(byLabel.getOrDefault(label, 0L))));
    }

    private Map<StateGauge, Map<String, Long>> count() {
        entityManager.createNativeQuery("set transaction read only").executeUpdate();
        Map<StateGauge, Map<String, Long>> counted = new HashMap<>();
        for (StateGauge gauge : values.keySet()) {
            Map<String, Long> byLabel = new HashMap<>();
            if (gauge.label() == null) {
                byLabel.put("", ((Number) entityManager.createNativeQuery(gauge.sql()).getSingleResult()).longValue());
            } else {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = entityManager.createNativeQuery(gauge.sql()).getResultList();
                for (Object[] row : rows) {
                    byLabel.merge(String.valueOf(row[0]), ((Number) row[1]).longValue(), Long::sum);
                }
            }
            counted.put(gauge, byLabel);
        }
        return counted;
    }
}
