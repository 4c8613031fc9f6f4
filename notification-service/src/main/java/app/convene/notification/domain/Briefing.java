package app.convene.notification.domain;

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

/** A briefing planned for an event: before it (to staff) or after it (to leads and directors). */
@Entity
@Table(name = "briefing")
public class Briefing extends PanacheEntityBase {
    public enum Kind {
        PRE_EVENT, POST_EVENT
    }

    public enum Status {
        SCHEDULED
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public static List<Briefing> forEvent(UUID eventId) {
        return list("eventId = ?1 order by dueAt", eventId);
    }
}
