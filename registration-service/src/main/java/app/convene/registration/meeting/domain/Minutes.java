package app.convene.registration.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One revision of a meeting's minutes: DRAFT, SUBMITTED, then APPROVED by the chair, after which it never changes (a
 * correction is a new revision; the database refuses any change of an approved one).
 */
@Entity
@Table(name = "minutes")
public class Minutes extends PanacheEntityBase {
    /** Where the revision is on its way to approval. */
    public enum Status {
        DRAFT, SUBMITTED, APPROVED
    }

    /** What was said, decided and given to do on one agenda item. */
    public record Entry(UUID agendaItemId, String notes, List<DecisionTaken> decisions, List<ActionToTake> actionItems) {
    }

    /** A decision with its outcome and, where counted, the votes. */
    public record DecisionTaken(String text, String outcome, Integer votesFor, Integer votesAgainst,
            Integer abstentions) {
    }

    /** An action item as the minutes record it; it becomes a followed-up action item when they are approved. */
    public record ActionToTake(UUID id, String title, String owner, LocalDate dueDate) {
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public String chair;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Entry> entries;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "approved_at")
    public Instant approvedAt;
}
