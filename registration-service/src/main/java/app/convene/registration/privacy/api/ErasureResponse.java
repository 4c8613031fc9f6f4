package app.convene.registration.privacy.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.privacy.service.Erasures;

public record ErasureResponse(@Schema(required = true) UUID id,
        @Schema(required = true,
                description = "SHA-256 (hex) of the lower-cased, trimmed address; the address itself is not kept")
        String emailSha256,
        @Schema(required = true) String requestedBy, @Schema(required = true) Instant requestedAt,
        @Schema(description = "True once every service has done its part") boolean complete,
        @Schema(required = true) List<ErasureProgressResponse> progress) {
    static ErasureResponse from(Erasures.Erasure erasure) {
        return new ErasureResponse(erasure.id(), erasure.emailSha256(), erasure.requestedBy(),
                erasure.requestedAt(), erasure.progress().stream().allMatch(p -> "DONE".equals(p.status())),
                erasure.progress().stream().map(ErasureProgressResponse::from).toList());
    }
}
