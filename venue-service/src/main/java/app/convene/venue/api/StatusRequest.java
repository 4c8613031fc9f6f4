package app.convene.venue.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.IssueStatus;

public record StatusRequest(
        @Schema(description = "OPEN → IN_MEDIATION → RESOLVED, one step at a time") @NotNull IssueStatus status,
        @Schema(description = "How it was resolved: required with RESOLVED, not given otherwise")
        @Size(max = 2000) String resolution) {
}
