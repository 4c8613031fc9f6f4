package app.convene.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Everything announced about one event, kept current so a briefing can be assembled at any time. */
@Entity
@Table(name = "event_digest")
public class EventDigest extends PanacheEntityBase {
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
    public int confirmed;
    public int waitlisted;
    @Column(name = "checked_in")
    public int checkedIn;
    @Column(name = "no_shows")
    public int noShows;
    @Column(name = "headcount_sequence")
    public long headcountSequence;
    @Column(name = "budget_status")
    public String budgetStatus;
    @Column(name = "venue_ready")
    public Boolean venueReady;
    @Column(name = "venue_readiness_reason")
    public String venueReadinessReason;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
