package app.convene.registration.meeting.domain;

import java.time.Instant;
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

/** One item of a meeting's agenda, in its place. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
    /** What the meeting does with the item. */
    public enum Kind {
        INFORMATION, DISCUSSION, DECISION
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String title;
    public String presenter;
    @Column(name = "time_box_minutes")
    public Integer timeBoxMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    /** References to documents (addresses), not the documents themselves. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> attachments;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
