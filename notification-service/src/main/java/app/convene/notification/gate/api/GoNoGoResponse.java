package app.convene.notification.gate.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.gate.domain.GoNoGo;

public record GoNoGoResponse(@Schema(required = true) UUID eventId,
        @Schema(required = true, description = "GO: every required check is met; NO_GO: a required check is not "
                + "met; AT_RISK: none fails but a required check is not known yet",
                enumeration = { "GO", "NO_GO", "AT_RISK" })
        String decision,
        @Schema(required = true, description = "When the decision was evaluated") Instant asOf,
        @Schema(description = "The event's start minus the organisation's decisionDueBefore; null until the start "
                + "is known") Instant decisionDueAt,
        @Schema(required = true) List<GoNoGoCheckResponse> checks) {

    public static GoNoGoResponse from(GoNoGo gate) {
        return new GoNoGoResponse(gate.eventId(), gate.decision().name(), gate.asOf(), gate.decisionDueAt(),
                gate.checks().stream().map(GoNoGoCheckResponse::from).toList());
    }
}
