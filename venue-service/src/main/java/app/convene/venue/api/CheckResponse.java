package app.convene.venue.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.CheckStatus;
import app.convene.venue.service.Readiness;

/** One readiness check as answered; named {@code Check} in the OpenAPI document, as it always was. */
@Schema(name = "Check")
public record CheckResponse(@Schema(required = true) String name, @Schema(required = true) CheckStatus status,
        @Schema(required = true) String reason) {
    static CheckResponse from(Readiness.Check check) {
        return new CheckResponse(check.name(), check.status(), check.reason());
    }
}
