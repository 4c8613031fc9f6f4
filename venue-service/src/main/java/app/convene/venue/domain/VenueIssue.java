package app.convene.venue.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An issue a partner raised about a venue, mediated by the facility coordinator until it is resolved. */
@Entity
@Table(name = "venue_issue")
public class VenueIssue extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    @Column(name = "venue_id", nullable = false)
    public UUID venueId;
    public String description;
    /** The partner contact who raised it, when listed for the venue. */
    @Column(name = "raised_by_contact_id")
    public UUID raisedByContactId;
    /** Who raised it: the contact's name at the time, or the name given. */
    @Column(name = "raised_by_name", nullable = false)
    public String raisedByName;
    @Enumerated(EnumType.STRING)
    public IssueStatus status;
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "mediation_started_at")
    public Instant mediationStartedAt;
    @Column(name = "mediated_by")
    public String mediatedBy;
    public String resolution;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;

    public List<ImprovementProposal> proposals() {
        return ImprovementProposal.list("issueId = ?1 order by proposedAt, id", id);
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
