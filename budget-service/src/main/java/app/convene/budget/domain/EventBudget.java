package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event's budget: its settings, approval state, and the live headcount its per-attendee lines follow. */
@Entity
@Table(name = "event_budget")
public class EventBudget extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    /** The event's organisation; null only until the event's access is known (nobody sees the budget until then). */
    public String organisation;
    public String title;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "time_zone")
    public String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BudgetStatus status;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    public String department;
    @Column(name = "cost_centre")
    public String costCentre;
    @Column(name = "show_up_rate", nullable = false)
    public BigDecimal showUpRate;
    @Column(name = "tolerance_percent", nullable = false)
    public BigDecimal tolerancePercent;

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
    /** The attendee count per-attendee lines are multiplied by, and where it comes from. */
    @Column(name = "headcount_basis", nullable = false)
    public BigDecimal headcountBasis;
    @Enumerated(EnumType.STRING)
    @Column(name = "basis_source", nullable = false)
    public HeadcountBasisSource basisSource;

    public int revision;
    @Column(name = "baseline_revision")
    public Integer baselineRevision;
    @Column(name = "approved_total")
    public BigDecimal approvedTotal;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "threshold_state", nullable = false)
    public ThresholdState thresholdState;
    /** The forecast total last announced; a recompute that differs announces a change. */
    @Column(name = "forecast_total", nullable = false)
    public BigDecimal forecastTotal;
    @Column(name = "announcement_sequence", nullable = false)
    public long announcementSequence;

    /** When registration-service announced the event cancelled; its budget and costs stay. */
    @Column(name = "event_cancelled_at")
    public Instant eventCancelledAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    /** After approval every change to the lines or settings is a new revision of the baseline. */
    public void changed(Instant at) {
        if (baselineRevision != null) {
            revision++;
        }
        updatedAt = at;
    }
}
