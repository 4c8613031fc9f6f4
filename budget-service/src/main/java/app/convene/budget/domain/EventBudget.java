package app.convene.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.eventcopy.EventCopy;
import app.convene.backbone.money.Money;

/**
 * An event's budget: its settings, approval state, and the live headcount its per-attendee lines follow. The event's
 * terms and headcount are budget-service's copy of what registration-service announced ({@link EventCopy}: a late or
 * replayed headcount changes nothing); the capacity, the cancellation and the rest are the budget's own.
 */
@Entity
@Table(name = "event_budget")
public class EventBudget extends EventCopy {
    /** The event's organisation; null only until the event's access is known (nobody sees the budget until then). */
    public String organisation;
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

    /** The schedule's capacity until a headcount came, then the headcount's. */
    public int capacity;
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
    /** The category figures last announced, as {@link CategoryFigures#signature} writes them. */
    @Column(name = "announced_figures")
    public String announcedFigures;

    /** When registration-service announced the event cancelled; its budget and costs stay. */
    @Column(name = "event_cancelled_at")
    public Instant eventCancelledAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    /** The approved total (the baseline) rounded to the budget's currency; null before the first approval. */
    public BigDecimal roundedApprovedTotal() {
        return approvedTotal == null ? null : Money.round(approvedTotal, currency());
    }

    /** The event's terms as announced; the announced capacity counts only until a headcount came. */
    public void applyTerms(String title, Instant startsAt, Instant endsAt, String timeZone, int capacity) {
        applyTerms(title, startsAt, endsAt, timeZone);
        if (headcountSequence < 0) {
            this.capacity = capacity;
        }
    }

    /** A newer headcount also brings the capacity. */
    @Override
    public boolean applyHeadcount(HeadcountChanged headcount) {
        if (!super.applyHeadcount(headcount)) {
            return false;
        }
        capacity = headcount.capacity();
        return true;
    }

    /**
     * Per-attendee lines follow confirmed registrations (times the expected show-up rate when below 1); once the
     * event has ended and people checked in, they follow the check-ins. True when the basis moved.
     */
    public boolean applyHeadcountBasis(Instant now) {
        BigDecimal basis;
        HeadcountBasisSource source;
        if (endsAt != null && !now.isBefore(endsAt) && checkedIn > 0) {
            basis = BigDecimal.valueOf(checkedIn);
            source = HeadcountBasisSource.CHECKED_IN;
        } else if (showUpRate.compareTo(BigDecimal.ONE) < 0) {
            basis = BigDecimal.valueOf(confirmed).multiply(showUpRate);
            source = HeadcountBasisSource.EXPECTED_SHOW_UP;
        } else {
            basis = BigDecimal.valueOf(confirmed);
            source = HeadcountBasisSource.CONFIRMED;
        }
        basis = basis.setScale(4, RoundingMode.HALF_EVEN);
        boolean moved = headcountBasis == null || basis.compareTo(headcountBasis) != 0;
        headcountBasis = basis;
        basisSource = source;
        return moved;
    }

    /** After approval every change to the lines or settings is a new revision of the baseline. */
    public void changed(Instant at) {
        if (baselineRevision != null) {
            revision++;
        }
        updatedAt = at;
    }
}
