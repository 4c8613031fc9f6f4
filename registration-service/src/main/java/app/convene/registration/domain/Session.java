package app.convene.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A session inside an event, with its own times, seats and speakers. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String title;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(nullable = false)
    public int capacity;
    /** Seats held by confirmed registrations; only changed by conditional SQL updates. */
    @Column(name = "confirmed_count", nullable = false, insertable = false, updatable = false)
    public int confirmedCount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When the session was cancelled; null while it takes place. Set only by {@code SessionSeats#cancel}. */
    @Column(name = "cancelled_at", insertable = false, updatable = false)
    public Instant cancelledAt;
}
