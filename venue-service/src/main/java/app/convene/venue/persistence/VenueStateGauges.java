package app.convene.venue.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.backbone.metrics.StateGauge;

/** The readiness figures facility coordinators watch: upcoming events by readiness, safety, open actions. */
@ApplicationScoped
public class VenueStateGauges implements StateGauge.Source {
    private static final String UPCOMING = "(ends_at is null or ends_at > now()) and cancelled_at is null";

    @Override
    public List<StateGauge> gauges() {
        return List.of(
                StateGauge.countBy("venue.events.readiness",
                        "Events not yet over and not cancelled, by readiness (UNKNOWN: not assessed yet)",
                        "readiness", List.of("READY", "NOT_READY", "UNKNOWN"), """
                                select case when ready then 'READY' when not ready then 'NOT_READY' else 'UNKNOWN' end,
                                       count(*)
                                from event_readiness where %s group by 1
                                """.formatted(UPCOMING)),
                StateGauge.count("venue.events.safety.at.risk",
                        "Upcoming events whose headcount exceeds the safe occupancy of their rooms",
                        "select count(*) from event_readiness where " + UPCOMING + " and safety_at_risk"),
                StateGauge.countBy("venue.corrective.actions", "Open corrective actions, and those of them overdue",
                        "state", List.of("OPEN", "OVERDUE"), """
                                select 'OPEN', count(*) from corrective_action where status = 'OPEN'
                                union all
                                select 'OVERDUE', count(*) from corrective_action where status = 'OPEN' and due_at < now()
                                """));
    }
}
