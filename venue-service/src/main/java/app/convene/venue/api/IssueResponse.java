package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.IssueStatus;
import app.convene.venue.domain.VenueIssue;
import app.convene.venue.service.IssueLog;

public record IssueResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID venueId,
        @Schema(required = true) String description, @Schema(required = true) RaisedByResponse raisedBy,
        @Schema(required = true) IssueStatus status, @Schema(required = true) Instant raisedAt,
        @Schema(required = true) String recordedBy, Instant mediationStartedAt, String mediatedBy,
        String resolution, Instant resolvedAt, String resolvedBy,
        @Schema(required = true) List<ProposalResponse> proposals) {
    static IssueResponse from(VenueIssue i) {
        return from(IssueLog.IssueWithProposals.of(i));
    }

    static IssueResponse from(IssueLog.IssueWithProposals issue) {
        VenueIssue i = issue.issue();
        return new IssueResponse(i.id, i.venueId, i.description,
                new RaisedByResponse(i.raisedByContactId, i.raisedByName), i.status, i.raisedAt, i.recordedBy,
                i.mediationStartedAt, i.mediatedBy, i.resolution, i.resolvedAt, i.resolvedBy,
                issue.proposals().stream().map(ProposalResponse::from).toList());
    }
}
