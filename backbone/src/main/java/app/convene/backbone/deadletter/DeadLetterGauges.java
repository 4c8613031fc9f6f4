package app.convene.backbone.deadletter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.backbone.metrics.StateGauge;

/** Dead letters still waiting for an operator (neither re-driven nor discarded), served by every service. */
@ApplicationScoped
public class DeadLetterGauges implements StateGauge.Source {

    @Override
    public List<StateGauge> gauges() {
        return List.of(StateGauge.count("dead.letters.pending",
                "Records a consumer set aside that no operator has re-driven or discarded yet",
                "select count(*) from dead_letter where state = 'PENDING'"));
    }
}
