package app.convene.notification.gate.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.gate.domain.GateCheckResult;

public record GoNoGoCheckResponse(
        @Schema(required = true, description = "The check's stable name, e.g. seats, budget-approved, room-booked")
        String name,
        @Schema(required = true, description = "The service whose facts decide it", enumeration = { "registration",
                "budget", "venue", "notification" }) String source,
        @Schema(required = true, enumeration = { "MET", "NOT_MET", "UNKNOWN" }) String status,
        @Schema(description = "Whether the organisation's policy makes it decide") boolean required,
        String reason,
        @Schema(description = "When its status last changed; null when not evaluated since") Instant since) {

    static GoNoGoCheckResponse from(GateCheckResult check) {
        return new GoNoGoCheckResponse(check.check().checkName, check.check().source, check.status().name(),
                check.required(), check.reason(), check.since());
    }
}
