package app.convene.venue.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Parameters;

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

    /**
     * Up to {@code rows} of the venue's issues, in {@code status} only unless it is null, oldest first (by time raised,
     * then id), after the issue {@code after} in that order when it is not null. The read walks the venue's issues in
     * the order of an index ({@code venue_issue_in_order}, or {@code venue_issue_of_status_in_order} for one status)
     * and stops at the page's end.
     */
    public List<VenueIssue> ofVenue(UUID venueId, IssueStatus status, VenueIssue after, int rows) {
        StringBuilder query = new StringBuilder("venueId = :venue");
        Parameters parameters = Parameters.with("venue", venueId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and (raisedAt > :afterRaised or (raisedAt = :afterRaised and id > :afterId))");
            parameters.and("afterRaised", after.raisedAt).and("afterId", after.id);
        }
        return VenueIssue.find(query.append(" order by raisedAt, id").toString(), parameters).range(0, rows - 1)
                .list();
    }

    /** The venue's issue {@code issueId}; null when it is none of the venue's. */
    public VenueIssue ofVenue(UUID venueId, UUID issueId) {
        return VenueIssue.find("id = ?1 and venueId = ?2", issueId, venueId).firstResult();
    }

    /** The improvement proposals of these issues, each issue's oldest first. */
    public Map<UUID, List<ImprovementProposal>> proposalsOf(List<UUID> issueIds) {
        return ChildRows.byParent(issueIds,
                ids -> ImprovementProposal.list("issueId in ?1 order by proposedAt, id", ids), p -> p.issueId);
    }
}
