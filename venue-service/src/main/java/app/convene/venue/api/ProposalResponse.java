package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.venue.domain.ImprovementProposal;

public record ProposalResponse(UUID id, UUID issueId, String description, String proposedBy, String recordedBy,
        Instant proposedAt) {
    static ProposalResponse from(ImprovementProposal p) {
        return new ProposalResponse(p.id, p.issueId, p.description, p.proposedBy, p.recordedBy, p.proposedAt);
    }
}
