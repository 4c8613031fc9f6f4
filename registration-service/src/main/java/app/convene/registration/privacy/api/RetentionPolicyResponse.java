package app.convene.registration.privacy.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.privacy.domain.RetentionPolicy;

public record RetentionPolicyResponse(@Schema(required = true) String organisation,
        int anonymiseRegistrationsAfterMonths, @Schema(required = true) String changedBy,
        @Schema(required = true) Instant changedAt) {

    public static RetentionPolicyResponse from(RetentionPolicy policy) {
        return new RetentionPolicyResponse(policy.organisation(), policy.anonymiseAfterMonths(), policy.changedBy(),
                policy.changedAt());
    }
}
