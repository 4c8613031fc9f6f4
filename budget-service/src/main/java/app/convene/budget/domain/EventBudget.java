package app.convene.budget.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event's budget and the live headcount its per-attendee lines are forecast from. */
@Entity
@Table(name = "event_budget")
public class EventBudget extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    public String title;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(nullable = false)
    public String status;
    public int capacity;
    public int confirmed;
    public int waitlisted;
    @Column(name = "checked_in")
    public int checkedIn;
    @Column(name = "no_shows")
    public int noShows;
    /** Sequence of the newest headcount applied; older ones arriving late are ignored. */
    @Column(name = "headcount_sequence")
    public long headcountSequence;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
