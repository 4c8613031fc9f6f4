package app.convene.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A conference or meeting people register for; its counts change only under the event's row lock. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String title;
    public String description;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(nullable = false)
    public int capacity;
    @Column(name = "confirmed_count", nullable = false)
    public int confirmedCount;
    @Column(name = "waitlisted_count", nullable = false)
    public int waitlistedCount;
    @Column(name = "checked_in_count", nullable = false)
    public int checkedInCount;
    @Column(name = "no_show_count", nullable = false)
    public int noShowCount;
    /** Arrival number of the last person put on the waiting list; orders the waiting list. */
    @Column(name = "waitlist_counter", nullable = false)
    public long waitlistCounter;
    /** Grows with every change of the counts; consumers keep the highest they have seen. */
    @Column(name = "headcount_sequence", nullable = false)
    public long headcountSequence;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A seat is free and nobody waits for it (arrivals never jump the waiting list). */
    public boolean hasFreeSeat() {
        return confirmedCount < capacity && waitlistedCount == 0;
    }
}
