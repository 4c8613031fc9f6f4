package app.convene.registration.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.backbone.metrics.StateGauge;

/** The registration figures ops watch: seats taken and waiting lists of what is still to come, overdue actions. */
@ApplicationScoped
public class RegistrationStateGauges implements StateGauge.Source {
    private static final String UPCOMING = "ends_at > now() and status <> 'CANCELLED'";

    @Override
    public List<StateGauge> gauges() {
        return List.of(
                StateGauge.countBy("registration.attendees",
                        "Attendees of events not yet over and not cancelled, confirmed or on the waiting list",
                        "status", List.of("CONFIRMED", "WAITLISTED"), """
                                select 'CONFIRMED', coalesce(sum(confirmed_count), 0) from event where %1$s
                                union all
                                select 'WAITLISTED', coalesce(sum(waitlisted_count), 0) from event where %1$s
                                """.formatted(UPCOMING)),
                StateGauge.count("registration.events.upcoming", "Events and meetings not yet over and not cancelled",
                        "select count(*) from event where " + UPCOMING),
                StateGauge.count("registration.events.full",
                        "Upcoming events whose seats are all taken (new registrations join the waiting list)",
                        "select count(*) from event where " + UPCOMING + " and confirmed_count >= capacity"),
                StateGauge.count("registration.action.items.overdue",
                        "Open action items from minutes whose due date has passed",
                        "select count(*) from action_item where status = 'OPEN' and due_date < current_date"));
    }
}
