package app.convene.registration.privacy.api;

import java.time.Instant;

import app.convene.registration.privacy.domain.RetentionPolicy;

public record RetentionPolicyResponse(String organisation, int anonymiseRegistrationsAfterMonths, String changedBy,
        Instant changedAt) {

    public static RetentionPolicyResponse from(RetentionPolicy policy) {
        return new RetentionPolicyResponse(policy.organisation(), policy.anonymiseAfterMonths(), policy.changedBy(),
                policy.changedAt());
    }
}
