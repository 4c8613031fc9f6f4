package app.convene.backbone.event;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What budget-service announces on {@code budget.events}; the record key is the event id. Amounts are decimal
 * numbers in {@code currency} (ISO 4217), already rounded half-even to the currency's minor unit.
 */
public final class BudgetEvents {
    public static final String FAMILY = "budget";
    public static final String AGGREGATE = "budget";

    public static final EventType<BudgetCreated> CREATED = new EventType<>(FAMILY, "created", 1, BudgetCreated.class);
    public static final EventType<BudgetSubmitted> SUBMITTED =
            new EventType<>(FAMILY, "submitted", 1, BudgetSubmitted.class);
    public static final EventType<BudgetApproved> APPROVED =
            new EventType<>(FAMILY, "approved", 1, BudgetApproved.class);
    public static final EventType<BudgetRejected> REJECTED =
            new EventType<>(FAMILY, "rejected", 1, BudgetRejected.class);
    public static final EventType<ForecastChanged> FORECAST_CHANGED =
            new EventType<>(FAMILY, "forecast-changed", 1, ForecastChanged.class);
    public static final EventType<ThresholdExceeded> THRESHOLD_EXCEEDED =
            new EventType<>(FAMILY, "threshold-exceeded", 1, ThresholdExceeded.class);

    /** This service anonymised what it held about an erased person ({@code privacy.person-erased.v1}). */
    public static final EventType<PrivacyEvents.ErasureCompleted> ERASURE_COMPLETED =
            new EventType<>(FAMILY, "erasure-completed", 1, PrivacyEvents.ErasureCompleted.class);

    private BudgetEvents() {
    }

    /** A draft budget now exists for the event. */
    public record BudgetCreated(UUID eventId, String status) {
    }

    /** The budget was submitted for approval at this revision and forecast. */
    public record BudgetSubmitted(UUID eventId, int revision, BigDecimal forecastTotal, String currency,
            String submittedBy) {
    }

    /** Finance approved the budget: {@code approvedTotal} is the new baseline. */
    public record BudgetApproved(UUID eventId, int revision, BigDecimal approvedTotal, BigDecimal tolerancePercent,
            String currency, String approvedBy) {
    }

    /** Finance rejected the submitted budget. */
    public record BudgetRejected(UUID eventId, int revision, String reason, String rejectedBy) {
    }

    /**
     * The forecast total changed (a line, a commitment, an invoice or the headcount moved it). {@code sequence} grows
     * with every announcement of the budget, so a consumer keeps the highest it has seen.
     */
    public record ForecastChanged(UUID eventId, long sequence, BigDecimal previousForecastTotal,
            BigDecimal forecastTotal, BigDecimal estimateTotal, BigDecimal committedTotal, BigDecimal actualTotal,
            BigDecimal headcountBasis, BigDecimal forecastCostPerAttendee, String currency) {
    }

    /**
     * The forecast rose above a limit it was below: {@code threshold} is {@code APPROVED_TOTAL} (above the approved
     * baseline) or {@code TOLERANCE} (above the baseline plus its tolerance, which needs approval again). Announced
     * once per crossing; falling back below and rising again is a new crossing.
     */
    public record ThresholdExceeded(UUID eventId, String threshold, BigDecimal limit, BigDecimal forecastTotal,
            BigDecimal approvedTotal, BigDecimal tolerancePercent, String currency, int revision) {
    }
}
