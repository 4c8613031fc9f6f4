package app.convene.venue.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event as the venue side sees it: when, how many people, and whether it is ready. */
@Entity
@Table(name = "event_readiness")
public class EventReadiness extends PanacheEntityBase {
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
    /** Confirmed attendees: the people the room must hold. */
    @Column(name = "expected_headcount")
    public int expectedHeadcount;
    @Column(name = "headcount_sequence")
    public long headcountSequence;
    /** Overall readiness as last announced; null until first assessed. */
    public Boolean ready;
    /** Whether the headcount exceeds the booked room's safe occupancy, as last announced. */
    @Column(name = "safety_at_risk")
    public boolean safetyAtRisk;
    /** Seats registration lets be confirmed (its capacity capped by the room's safe occupancy); null until told. */
    public Integer capacity;
    /** When registration called the event off; it then needs no room. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
