package app.convene.registration.privacy.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.privacy.persistence.ErasureRepository.ProgressRow;

public record ErasureProgressResponse(
        @Schema(required = true,
                description = "registration-service, budget-service, venue-service or notification-service")
        String service,
        @Schema(required = true,
                description = "PENDING until the service has anonymised what it held, then DONE") String status,
        @Schema(description = "Rows the service anonymised (null while PENDING)") Integer rowsAnonymised,
        Instant completedAt) {
    static ErasureProgressResponse from(ProgressRow row) {
        return new ErasureProgressResponse(row.service(), row.status(), row.rowsAnonymised(), row.completedAt());
    }
}
