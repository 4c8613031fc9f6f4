package app.convene.notification.gate.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.backbone.metrics.StateGauge;

/** The go/no-go and delivery figures ops watch: upcoming events by decision, mail and webhooks not yet out. */
@ApplicationScoped
public class GateStateGauges implements StateGauge.Source {

    @Override
    public List<StateGauge> gauges() {
        return List.of(
                StateGauge.countBy("notification.go.no.go",
                        "Events not yet over and not cancelled, by go/no-go decision (UNDECIDED: none yet)",
                        "decision", List.of("GO", "AT_RISK", "NO_GO", "UNDECIDED"), """
                                select coalesce(g.decision, 'UNDECIDED'), count(*)
                                from event_digest d left join go_no_go g on g.event_id = d.event_id
                                where (d.ends_at is null or d.ends_at > now())
                                  and coalesce(d.event_status, '') <> 'CANCELLED'
                                group by 1
                                """),
                StateGauge.countBy("notification.deliveries",
                        "Briefings, reminders and alerts waiting to go out, and those that failed in the last 24 hours",
                        "status", List.of("PENDING", "FAILED"), """
                                select 'PENDING', count(*) from delivery where status = 'PENDING'
                                union all
                                select 'FAILED', count(*) from delivery
                                where status = 'FAILED' and created_at > now() - interval '24 hours'
                                """));
    }
}
