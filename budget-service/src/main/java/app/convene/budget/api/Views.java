package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LineItem;
import app.convene.backbone.money.Money;
import app.convene.budget.service.Budgets;
import app.convene.budget.service.Forecasts;
import app.convene.budget.service.LineItems;

/** The budget as a front-end reads it. Amounts are decimals in the named currency, rounded to its minor unit. */
public final class Views {
    private Views() {
    }

    /** A decimal without trailing zeros and never in exponent form (100, not 1E+2). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A unit amount with the currency's decimals, or more where a per-attendee cost has them (0.125 EUR). */
    static BigDecimal unitAmount(BigDecimal value, Currency currency) {
        BigDecimal stripped = plain(value);
        return stripped.scale() < currency.getDefaultFractionDigits() ? Money.round(value, currency) : stripped;
    }

    public record Headcount(int capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
            @Schema(description = "Sequence of the newest headcount announcement applied") long asOfSequence,
            @Schema(description = "What per-attendee lines are multiplied by") BigDecimal basis,
            @Schema(description = "CONFIRMED, EXPECTED_SHOW_UP (confirmed × show-up rate) or CHECKED_IN (after the "
                    + "event)") String basisSource) {
    }

    @Schema(description = "Sums of the lines' figures, in the budget currency; every total is the exact sum of the "
            + "lines' rounded figures")
    public record Totals(BigDecimal estimate, BigDecimal committed, BigDecimal actual, BigDecimal forecast,
            @Schema(description = "forecast − estimate") BigDecimal variance,
            @Schema(description = "forecast − approved total; null before the first approval")
            BigDecimal varianceToApproved) {
    }

    public record CostPerAttendee(
            @Schema(description = "forecast total ÷ headcount basis") BigDecimal forecast,
            @Schema(description = "actual total ÷ checked-in attendees; null until someone checked in")
            BigDecimal actual) {
    }

    public record Approval(BigDecimal approvedTotal,
            @Schema(description = "approved total × (1 + tolerance); above it the budget needs approval again")
            BigDecimal toleranceLimit, Integer baselineRevision, String submittedBy, Instant submittedAt,
            String decidedBy, Instant decidedAt, String rejectionReason,
            @Schema(description = "NONE, WITHIN, ABOVE_APPROVED or ABOVE_TOLERANCE") String thresholdState) {
    }

    public record LineResponse(UUID id, String category, String description, String vendor, String kind,
            @Schema(description = "The line's own currency") String currency,
            @Schema(description = "The fixed amount or the cost per attendee, in the line's currency")
            BigDecimal unitAmount, String glAccount, String costCentre, String poNumber, Instant committedAt,
            @Schema(description = "Rate into the budget currency: locked at commitment, else the current one")
            BigDecimal rate, boolean rateLocked,
            @Schema(description = "Estimate in the line's currency") BigDecimal estimateInLineCurrency,
            @Schema(description = "Purchase order amount in the line's currency") BigDecimal committedInLineCurrency,
            @Schema(description = "Sum of invoices in the line's currency") BigDecimal actualInLineCurrency,
            @Schema(description = "Budget currency") BigDecimal estimate,
            @Schema(description = "Budget currency") BigDecimal committed,
            @Schema(description = "Budget currency") BigDecimal actual,
            @Schema(description = "Budget currency: max(estimate, committed, actual)") BigDecimal forecast,
            @Schema(description = "Budget currency: forecast − estimate") BigDecimal variance,
            @Schema(description = "Set when another service owns the line, e.g. venue:<bookingId>")
            String externalRef) {

        static LineResponse of(LineItem line, BudgetFigures.LineFigures f) {
            Currency currency = line.currency();
            return new LineResponse(line.id, line.category.name(), line.description, line.vendor, line.kind.name(),
                    line.currency, Views.unitAmount(line.unitAmount, currency),
                    line.glAccount, line.costCentre, line.poNumber, line.committedAt, f.rate(), line.lockedRate != null,
                    f.estimateInLineCurrency(),
                    line.committedAmount == null ? null : Money.round(line.committedAmount, currency),
                    Money.round(line.actualAmount, currency), f.estimate(), f.committed(), f.actual(), f.forecast(),
                    f.variance(), line.externalRef);
        }
    }

    /** The totals of a budget, with the variance to its approved total once it has one. */
    static Totals totalsOf(EventBudget b, BudgetFigures.Totals t) {
        BigDecimal approved = b.approvedTotal == null ? null : Money.round(b.approvedTotal, b.currency());
        return new Totals(t.estimate(), t.committed(), t.actual(), t.forecast(), t.variance(),
                approved == null ? null : t.forecast().subtract(approved));
    }

    @Schema(description = "The line just added and the budget's totals after it (not the whole budget: GET the "
            + "budget for every line)")
    public record LineAddedResponse(UUID eventId, String status, String currency,
            @Schema(description = "Grows with every change after the first approval") int revision,
            LineResponse line, Totals totals) {

        static LineAddedResponse of(LineItems.Added added) {
            EventBudget b = added.budget();
            return new LineAddedResponse(b.eventId, b.status.name(), b.currency, b.revision,
                    LineResponse.of(added.line(), added.figures()), totalsOf(b, added.totals()));
        }
    }

    public record BudgetResponse(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
            @Schema(description = "DRAFT, SUBMITTED, APPROVED, REJECTED or REAPPROVAL_REQUIRED") String status,
            String currency, String department, String costCentre,
            @Schema(description = "Expected share of confirmed people who show up, 0 < rate ≤ 1")
            BigDecimal showUpRate, BigDecimal tolerancePercent,
            @Schema(description = "Grows with every change after the first approval") int revision,
            Headcount headcount, Totals totals, CostPerAttendee costPerAttendee, Approval approval,
            List<LineResponse> lines,
            @Schema(description = "When registration-service cancelled the event; the budget stays")
            Instant eventCancelledAt, Instant updatedAt) {

        static BudgetResponse of(Budgets.BudgetView view) {
            EventBudget b = view.budget();
            Currency currency = b.currency();
            BudgetFigures.Totals t = view.figures().totals();
            List<LineResponse> lines = new ArrayList<>(view.lines().size());
            for (int i = 0; i < view.lines().size(); i++) {
                lines.add(LineResponse.of(view.lines().get(i), view.figures().lines().get(i)));
            }
            BigDecimal approved = b.approvedTotal == null ? null : Money.round(b.approvedTotal, currency);
            return new BudgetResponse(b.eventId, b.title, b.startsAt, b.endsAt, b.timeZone, b.status.name(),
                    b.currency, b.department, b.costCentre, plain(b.showUpRate),
                    plain(b.tolerancePercent), b.revision,
                    new Headcount(b.capacity, b.confirmed, b.waitlisted, b.checkedIn, b.noShows,
                            Math.max(0, b.headcountSequence), plain(b.headcountBasis),
                            b.basisSource.name()),
                    totalsOf(b, t),
                    new CostPerAttendee(BudgetFigures.perAttendee(t.forecast(), b.headcountBasis, currency),
                            b.checkedIn > 0 ? BudgetFigures.perAttendee(t.actual(), BigDecimal.valueOf(b.checkedIn),
                                    currency) : null),
                    new Approval(approved, approved == null ? null : Forecasts.toleranceLimit(b), b.baselineRevision,
                            b.submittedBy, b.submittedAt, b.decidedBy, b.decidedAt, b.rejectionReason,
                            b.thresholdState.name()),
                    lines, b.eventCancelledAt, b.updatedAt);
        }
    }
}
