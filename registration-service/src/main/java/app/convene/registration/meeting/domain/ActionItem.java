package app.convene.registration.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something a meeting gave someone to do by a date, followed up across the meetings of its series. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {
    /** OPEN until done or cancelled. */
    public enum Status {
        OPEN, DONE, CANCELLED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String organisation;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "agenda_item_id")
    public UUID agendaItemId;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;
}
