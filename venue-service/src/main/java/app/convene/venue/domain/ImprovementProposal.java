package app.convene.venue.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A proposal, attached to an issue, for what should change so it does not happen again. */
@Entity
@Table(name = "improvement_proposal")
public class ImprovementProposal extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "issue_id", nullable = false)
    public UUID issueId;
    public String description;
    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
}
