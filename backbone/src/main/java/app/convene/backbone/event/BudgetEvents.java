package app.convene.backbone.event;

import java.math.BigDecimal;
import java.util.List;
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
            new EventType<>(FAMILY, "submitted", 2, BudgetSubmitted.class);
    public static final EventType<BudgetApproved> APPROVED =
            new EventType<>(FAMILY, "approved", 2, BudgetApproved.class);
    public static final EventType<BudgetRejected> REJECTED =
            new EventType<>(FAMILY, "rejected", 2, BudgetRejected.class);
    public static final EventType<ForecastChanged> FORECAST_CHANGED =
            new EventType<>(FAMILY, "forecast-changed", 1, ForecastChanged.class);
    public static final EventType<ThresholdExceeded> THRESHOLD_EXCEEDED =
            new EventType<>(FAMILY, "threshold-exceeded", 1, ThresholdExceeded.class);

    /** This service anonymised what it held about an erased person ({@code privacy.person-erased.v1}). */
    public static final EventType<PrivacyEvents.ErasureCompleted> ERASURE_COMPLETED =
            new EventType<>(FAMILY, "erasure-completed", 1, PrivacyEvents.ErasureCompleted.class);

    // Version 1 of the decisions also named who submitted, approved or rejected, which no consumer needs (the
    // budget's own history and audit keep it); no longer announced, still read from the topic.
    public static final EventType<BudgetSubmittedV1> SUBMITTED_V1 =
            new EventType<>(FAMILY, "submitted", 1, BudgetSubmittedV1.class);
    public static final EventType<BudgetApprovedV1> APPROVED_V1 =
            new EventType<>(FAMILY, "approved", 1, BudgetApprovedV1.class);
    public static final EventType<BudgetRejectedV1> REJECTED_V1 =
            new EventType<>(FAMILY, "rejected", 1, BudgetRejectedV1.class);

    /** Version 2 of forecast-changed: the same totals, and the figures of each category of line. */
    public static final EventType<ForecastChangedV2> FORECAST_CHANGED_V2 =
            new EventType<>(FAMILY, "forecast-changed", 2, ForecastChangedV2.class);

    /** An invoice went beyond its purchase order and the tolerance: it counts once finance approves it. */
    public static final EventType<InvoiceAwaitingApproval> INVOICE_AWAITING_APPROVAL =
            new EventType<>(FAMILY, "invoice-awaiting-approval", 1, InvoiceAwaitingApproval.class);

    private BudgetEvents() {
    }

    /** A draft budget now exists for the event. */
    public record BudgetCreated(UUID eventId, String status) {
    }

    /** The budget was submitted for approval at this revision and forecast. */
    public record BudgetSubmitted(UUID eventId, int revision, BigDecimal forecastTotal, String currency) {
    }

    /** Finance approved the budget: {@code approvedTotal} is the new baseline. */
    public record BudgetApproved(UUID eventId, int revision, BigDecimal approvedTotal, BigDecimal tolerancePercent,
            String currency) {
    }

    /** Finance rejected the submitted budget. */
    public record BudgetRejected(UUID eventId, int revision, String reason) {
    }

    /** Version 1, still read: the same fact with who submitted. */
    public record BudgetSubmittedV1(UUID eventId, int revision, BigDecimal forecastTotal, String currency,
            String submittedBy) {
        public BudgetSubmitted current() {
            return new BudgetSubmitted(eventId, revision, forecastTotal, currency);
        }
    }

    /** Version 1, still read: the same fact with who approved. */
    public record BudgetApprovedV1(UUID eventId, int revision, BigDecimal approvedTotal, BigDecimal tolerancePercent,
            String currency, String approvedBy) {
        public BudgetApproved current() {
            return new BudgetApproved(eventId, revision, approvedTotal, tolerancePercent, currency);
        }
    }

    /** Version 1, still read: the same fact with who rejected. */
    public record BudgetRejectedV1(UUID eventId, int revision, String reason, String rejectedBy) {
        public BudgetRejected current() {
            return new BudgetRejected(eventId, revision, reason);
        }
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

    /**
     * The budget's figures changed (the forecast total, or a category's estimate, forecast, commitment or actual);
     * {@code categories} has one entry per category that has lines, in the categories' order. {@code sequence} is
     * shared with version 1: a consumer keeps the highest it has seen.
     */
    public record ForecastChangedV2(UUID eventId, long sequence, BigDecimal previousForecastTotal,
            BigDecimal forecastTotal, BigDecimal estimateTotal, BigDecimal committedTotal, BigDecimal actualTotal,
            BigDecimal headcountBasis, BigDecimal forecastCostPerAttendee, String currency,
            List<CategoryFigures> categories) {

        /** The totals alone, as version 1 carried them. */
        public ForecastChanged totals() {
            return new ForecastChanged(eventId, sequence, previousForecastTotal, forecastTotal, estimateTotal,
                    committedTotal, actualTotal, headcountBasis, forecastCostPerAttendee, currency);
        }
    }

    /** One category's figures in the budget's currency, each the sum of its lines' rounded figures. */
    public record CategoryFigures(String category, BigDecimal estimate, BigDecimal forecast, BigDecimal committed,
            BigDecimal actual) {
    }

    /**
     * An invoice was recorded that takes its line's invoices ({@code invoiced}: posted plus awaiting approval) above
     * {@code toleranceLimit} (the committed amount plus the tolerance); it does not count in the actual until another
     * member of finance approves it. Amounts are in the line's {@code currency}.
     */
    public record InvoiceAwaitingApproval(UUID eventId, UUID invoiceId, UUID lineItemId, String vendor,
            String invoiceNumber, BigDecimal amount, BigDecimal committed, BigDecimal invoiced,
            BigDecimal toleranceLimit, String currency) {
    }
}
