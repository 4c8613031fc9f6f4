package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.ImprovementProposal;

public record ProposalResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID issueId,
        @Schema(required = true) String description, @Schema(required = true) String proposedBy,
        @Schema(required = true) String recordedBy, @Schema(required = true) Instant proposedAt) {
    static ProposalResponse from(ImprovementProposal p) {
        return new ProposalResponse(p.id, p.issueId, p.description, p.proposedBy, p.recordedBy, p.proposedAt);
    }
}
