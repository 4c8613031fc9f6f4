package app.convene.venue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ProposalRequest(
        @Schema(examples = "Waste collection moved to the afternoon")
        @NotBlank @Size(max = 2000) String description,
        @Schema(description = "Who proposes it; default: the caller") @Size(max = 200) String proposedBy) {
}
