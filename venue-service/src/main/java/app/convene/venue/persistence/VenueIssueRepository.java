package app.convene.venue.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.convene.venue.domain.ImprovementProposal;
import app.convene.venue.domain.IssueStatus;
import app.convene.venue.domain.VenueIssue;

/** Reads and locks the venues' issue logs ({@code venue_issue}). */
@ApplicationScoped
public class VenueIssueRepository {
    /** The issue, locked until the transaction ends; null when there is none. */
    public VenueIssue lockForUpdate(UUID issueId) {
        return VenueIssue.findById(issueId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The venue's issues, in {@code status} only unless it is null, oldest first. */
    public List<VenueIssue> ofVenue(UUID venueId, IssueStatus status) {
        return status == null ? VenueIssue.list("venueId = ?1 order by raisedAt, id", venueId)
                : VenueIssue.list("venueId = ?1 and status = ?2 order by raisedAt, id", venueId, status);
    }

    /** The improvement proposals of these issues, each issue's oldest first. */
    public Map<UUID, List<ImprovementProposal>> proposalsOf(List<UUID> issueIds) {
        return ChildRows.byParent(issueIds,
                ids -> ImprovementProposal.list("issueId in ?1 order by proposedAt, id", ids), p -> p.issueId);
    }
}
