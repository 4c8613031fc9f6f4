package app.convene.notification.gate.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event's go/no-go decision as of a moment, with every check; {@code decisionDueAt} null until the start is known.
 */
public record GoNoGo(UUID eventId, Decision decision, Instant asOf, Instant decisionDueAt,
        List<GateCheckResult> checks) {

    /** The required checks not met, by name: what stands between the event and GO. */
    public List<String> failingChecks() {
        return checks.stream().filter(c -> c.required() && c.status() != CheckStatus.MET)
                .map(c -> c.check().checkName).toList();
    }
}
