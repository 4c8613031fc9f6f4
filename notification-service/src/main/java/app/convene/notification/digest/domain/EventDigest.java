package app.convene.notification.digest.domain;

import java.math.BigDecimal;
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

    public Integer capacity;
    /** As registration announced it: DRAFT, PUBLISHED or CANCELLED (null until known). */
    @Column(name = "event_status")
    public String eventStatus;
    public int cancellations;
    @Column(name = "late_cancellations")
    public int lateCancellations;

    @Column(name = "budget_revision")
    public int budgetRevision;
    @Column(name = "budget_status_rank")
    public int budgetStatusRank;
    @Column(name = "forecast_sequence")
    public long forecastSequence;
    public String currency;
    @Column(name = "forecast_total")
    public BigDecimal forecastTotal;
    @Column(name = "estimate_total")
    public BigDecimal estimateTotal;
    @Column(name = "committed_total")
    public BigDecimal committedTotal;
    @Column(name = "actual_total")
    public BigDecimal actualTotal;
    @Column(name = "forecast_cost_per_attendee")
    public BigDecimal forecastCostPerAttendee;
    @Column(name = "approved_total")
    public BigDecimal approvedTotal;
    @Column(name = "tolerance_percent")
    public BigDecimal tolerancePercent;

    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "venue_name")
    public String venueName;
    @Column(name = "room_name")
    public String roomName;
    @Column(name = "safe_occupancy")
    public Integer safeOccupancy;
    @Column(name = "safety_at_risk")
    public boolean safetyAtRisk;
    @Column(name = "expected_headcount")
    public Integer expectedHeadcount;

    /** This event's own briefing offsets (ISO-8601 durations, comma separated); null means the defaults. */
    @Column(name = "pre_event_offsets")
    public String preEventOffsets;
    @Column(name = "post_event_offset")
    public String postEventOffset;

    public boolean scheduled() {
        return startsAt != null && endsAt != null;
    }

    public boolean cancelled() {
        return "CANCELLED".equals(eventStatus);
    }
}
