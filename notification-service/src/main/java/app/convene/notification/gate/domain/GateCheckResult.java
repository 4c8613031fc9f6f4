package app.convene.notification.gate.domain;

import java.time.Instant;

/** One check of an event's gate: where it stands, why, whether it decides, and since when its status holds. */
public record GateCheckResult(GateCheck check, CheckStatus status, boolean required, String reason, Instant since) {
}
