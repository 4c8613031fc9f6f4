package app.convene.venue.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.venue.domain.ImprovementProposal;
import app.convene.venue.domain.IssueStatus;
import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Venue;
import app.convene.venue.domain.VenueIssue;
import app.convene.venue.persistence.VenueIssueRepository;

/**
 * The issue log of a venue's partners. The facility coordinator records each issue, mediates it and resolves it:
 * OPEN → IN_MEDIATION → RESOLVED, nothing else. A transition locks the issue's row, so two coordinators moving the
 * same issue at once are serialised and the second is judged against the first one's outcome.
 */
@ApplicationScoped
public class IssueLog {
    @Inject
    Venues venues;
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    VenueIssueRepository repository;
    @Inject
    Outbox outbox;

    /** Who raised the issue: a partner contact listed for the venue, or a name. */
    public record RaisedBy(UUID partnerContactId, String name) {
    }

    @Transactional
    public VenueIssue raise(UUID venueId, String description, RaisedBy raisedBy, String recordedBy) {
        Venue venue = venues.venue(venueId);
        boolean byContact = raisedBy.partnerContactId() != null;
        boolean byName = raisedBy.name() != null && !raisedBy.name().isBlank();
        if (byContact == byName) {
            throw ProblemException.invalidField("raisedBy", byContact
                    ? "give either partnerContactId or name, not both"
                    : "partnerContactId or name is required");
        }
        VenueIssue issue = new VenueIssue();
        issue.id = UUID.randomUUID();
        issue.organisation = venue.organisation;
        issue.venueId = venueId;
        issue.description = description;
        if (byContact) {
            PartnerContact contact = PartnerContact.findById(raisedBy.partnerContactId());
            if (contact == null || !contact.venueId.equals(venueId) || contact.removedAt != null) {
                String message = "is not a partner contact of venue " + venueId;
                throw new ProblemException(422, "unknown-partner-contact", "Unknown partner contact",
                        "raisedBy.partnerContactId: " + raisedBy.partnerContactId() + " " + message,
                        List.of(new Problem.FieldError("raisedBy.partnerContactId", message)));
            }
            issue.raisedByContactId = contact.id;
            issue.raisedByName = contact.name;
        } else {
            issue.raisedByName = raisedBy.name().strip();
        }
        issue.status = IssueStatus.OPEN;
        issue.raisedAt = clock.instant();
        issue.recordedBy = recordedBy;
        issue.persist();
        announce(issue, "RAISED", null);
        return issue;
    }

    /**
     * Moves the issue on; a resolution is required to resolve it and given only then. {@code precondition} sees the
     * issue as it stands with its proposals, read under the issue's row lock and before the move is judged: it throws
     * to refuse, say for an {@code If-Match} naming an earlier state (before a new proposal or another coordinator's
     * move).
     */
    @Transactional
    public VenueIssue transition(UUID issueId, IssueStatus target, String resolution, String by,
            Consumer<IssueWithProposals> precondition) {
        boolean hasResolution = resolution != null && !resolution.isBlank();
        if (target == IssueStatus.RESOLVED && !hasResolution) {
            throw ProblemException.invalidField("resolution", "is required to resolve an issue");
        }
        if (target != IssueStatus.RESOLVED && resolution != null) {
            throw ProblemException.invalidField("resolution", "is given only when the status becomes RESOLVED");
        }
        VenueIssue issue = access.inCallersOrganisation(repository.lockForUpdate(issueId), "venue issue", issueId);
        precondition.accept(IssueWithProposals.of(issue));
        if (!issue.status.mayBecome(target)) {
            String allowed = issue.status.next().isEmpty() ? "it is final"
                    : "it can only become " + issue.status.next().iterator().next();
            throw ProblemException.conflict("issue-transition-not-allowed", "issue " + issueId + " is "
                    + issue.status + " and cannot become " + target + "; " + allowed + " (OPEN → IN_MEDIATION → "
                    + "RESOLVED)");
        }
        issue.status = target;
        if (target == IssueStatus.IN_MEDIATION) {
            issue.mediationStartedAt = clock.instant();
            issue.mediatedBy = by;
        } else {
            issue.resolution = resolution.strip();
            issue.resolvedAt = clock.instant();
            issue.resolvedBy = by;
        }
        announce(issue, "STATUS_CHANGED", null);
        return issue;
    }

    /** Attaches an improvement proposal; proposals are welcome whatever the issue's status. */
    @Transactional
    public ImprovementProposal propose(UUID issueId, String description, String proposedBy, String recordedBy) {
        VenueIssue issue = issue(issueId);
        ImprovementProposal proposal = new ImprovementProposal();
        proposal.id = UUID.randomUUID();
        proposal.issueId = issue.id;
        proposal.description = description;
        proposal.proposedBy = proposedBy == null || proposedBy.isBlank() ? recordedBy : proposedBy.strip();
        proposal.recordedBy = recordedBy;
        proposal.proposedAt = clock.instant();
        proposal.persist();
        announce(issue, "PROPOSED", proposal);
        return proposal;
    }

    /**
     * Tells the partner contact who raised the issue (through notification-service, in the contact's language) of
     * what changed, in the change's transaction. An issue raised by a name only, or by a contact since taken off the
     * venue's list, has no one to tell.
     */
    private void announce(VenueIssue issue, String change, ImprovementProposal proposal) {
        PartnerContact contact = issue.raisedByContactId == null ? null
                : PartnerContact.findById(issue.raisedByContactId);
        if (contact == null || contact.removedAt != null) {
            return;
        }
        Venue venue = Venue.findById(issue.venueId);
        outbox.append(VenueEvents.ISSUE_UPDATED, VenueEvents.ISSUE_AGGREGATE, issue.id,
                new VenueEvents.IssueUpdated(issue.id, issue.venueId, venue.name, issue.organisation, change,
                        issue.status.name(), issue.description, issue.resolution,
                        proposal == null ? null : new VenueEvents.Proposal(proposal.id, proposal.description,
                                proposal.proposedBy),
                        new VenueEvents.PartnerContact(contact.id, contact.name, contact.email, contact.language),
                        clock.instant()));
    }

    /** An issue of the caller's organisation; another organisation's is not found. */
    public VenueIssue issue(UUID issueId) {
        VenueIssue issue = access.inCallersOrganisation(VenueIssue.findById(issueId), "venue issue", issueId);
        return issue;
    }

    /** Most issues in one page of a venue's issue log. */
    public static final int MAX_PAGE = 500;

    /** A page of a venue's issue log, and the issue the next page starts after (null on the last page). */
    public record Page(List<IssueWithProposals> issues, UUID next) {
    }

    /**
     * A page of the venue's issues, in {@code status} only unless it is null, oldest first, each with its proposals,
     * after the issue {@code after} (the previous page's {@code next}) when given.
     */
    public Page issues(UUID venueId, IssueStatus status, UUID after, int limit) {
        venues.venue(venueId);
        VenueIssue cursor = null;
        if (after != null) {
            cursor = repository.ofVenue(venueId, after);
            if (cursor == null) {
                throw ProblemException.invalidField("after",
                        "must be the id of an issue of this venue, as the previous page's next gives it");
            }
        }
        Slice<VenueIssue> page = Slice.of(repository.ofVenue(venueId, status, cursor, limit + 1), limit);
        Map<UUID, List<ImprovementProposal>> proposals = repository.proposalsOf(page.rows().stream().map(i -> i.id)
                .toList());
        return new Page(page.rows().stream().map(i -> new IssueWithProposals(i, proposals.getOrDefault(i.id,
                List.of()))).toList(), page.next(i -> i.id));
    }

    /** An issue with its improvement proposals, oldest first. */
    public record IssueWithProposals(VenueIssue issue, List<ImprovementProposal> proposals) {
        public static IssueWithProposals of(VenueIssue issue) {
            return new IssueWithProposals(issue, issue.proposals());
        }
    }
}
