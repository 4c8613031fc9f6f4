package app.convene.notification.digest.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.convene.backbone.eventcopy.EventCopy;

/**
 * Everything announced about one event, kept current so a briefing can be assembled at any time: registration's
 * terms and headcount (the backbone's {@link EventCopy}, newest headcount wins), the event's status and
 * cancellations, budget's status and figures, and venue's booking, readiness and safety.
 */
@Entity
@Table(name = "event_digest")
public class EventDigest extends EventCopy {
    @Column(name = "budget_status")
    public String budgetStatus;
    @Column(name = "venue_ready")
    public Boolean venueReady;
    @Column(name = "venue_readiness_reason")
    public String venueReadinessReason;

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

    public boolean cancelled() {
        return "CANCELLED".equals(eventStatus);
    }
}
