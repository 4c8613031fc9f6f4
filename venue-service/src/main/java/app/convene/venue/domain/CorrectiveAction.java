package app.convene.venue.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a failed item needs done, by whom and by when; at most one open per item. */
@Entity
@Table(name = "corrective_action")
public class CorrectiveAction extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    public String description;
    public String owner;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public ActionStatus status;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    public String resolution;
}
