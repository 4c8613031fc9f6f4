package app.convene.notification.feedback.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Staff feedback before the event, attendee feedback after it; summarised in the next briefing. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {
    public enum Source {
        STAFF, ATTENDEE
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Column(nullable = false)
    public String author;
    public int rating;
    public String comment;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
