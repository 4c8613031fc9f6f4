package app.convene.notification.gate.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import app.convene.notification.delivery.domain.Audience;

/**
 * An organisation's go/no-go policy: which checks decide, how long before an event's start the decision is due, and
 * which audiences must each have a recipient acknowledge the pre-event briefing.
 */
public record GatePolicy(Set<GateCheck> requiredChecks, Duration decisionDueBefore,
        Set<Audience> acknowledgingAudiences, boolean defaults) {

    /** Every check required, the decision due 48 hours before the start, organizers and facility acknowledging. */
    public static final GatePolicy DEFAULT = new GatePolicy(EnumSet.allOf(GateCheck.class), Duration.ofHours(48),
            EnumSet.of(Audience.ORGANIZERS, Audience.FACILITY), true);

    public List<String> requiredCheckNames() {
        return requiredChecks.stream().map(c -> c.checkName).toList();
    }
}
