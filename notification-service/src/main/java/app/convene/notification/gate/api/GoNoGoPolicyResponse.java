package app.convene.notification.gate.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.gate.domain.GatePolicy;

public record GoNoGoPolicyResponse(@Schema(required = true) List<String> requiredChecks,
        @Schema(required = true, description = "How long before the start the decision is due (ISO-8601)",
                example = "PT48H") String decisionDueBefore,
        @Schema(required = true) List<String> acknowledgingAudiences,
        @Schema(description = "True while the organisation has set no policy of its own") boolean defaults) {

    public static GoNoGoPolicyResponse from(GatePolicy policy) {
        return new GoNoGoPolicyResponse(policy.requiredCheckNames(), policy.decisionDueBefore().toString(),
                policy.acknowledgingAudiences().stream().map(Enum::name).toList(), policy.defaults());
    }
}
