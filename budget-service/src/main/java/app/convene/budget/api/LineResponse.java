package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.LineItem;
import app.convene.budget.service.LineItems;

public record LineResponse(@Schema(required = true) UUID id, @Schema(required = true) String category,
        @Schema(required = true) String description, String vendor, @Schema(required = true) String kind,
        @Schema(required = true, description = "The line's own currency") String currency,
        @Schema(required = true, description = "The fixed amount or the cost per attendee, in the line's currency")
        BigDecimal unitAmount, @Schema(required = true) String glAccount, String costCentre, String poNumber,
        Instant committedAt,
        @Schema(required = true,
                description = "Rate into the budget currency: locked at commitment, else the current one")
        BigDecimal rate, boolean rateLocked,
        @Schema(required = true, description = "Estimate in the line's currency") BigDecimal estimateInLineCurrency,
        @Schema(description = "Purchase order amount in the line's currency") BigDecimal committedInLineCurrency,
        @Schema(required = true, description = "Sum of invoices in the line's currency")
        BigDecimal actualInLineCurrency,
        @Schema(required = true, description = Descriptions.IN_BUDGET_CURRENCY) BigDecimal estimate,
        @Schema(required = true, description = Descriptions.IN_BUDGET_CURRENCY) BigDecimal committed,
        @Schema(required = true, description = Descriptions.IN_BUDGET_CURRENCY) BigDecimal actual,
        @Schema(required = true, description = "Budget currency: max(estimate, committed, actual)")
        BigDecimal forecast,
        @Schema(required = true, description = "Budget currency: forecast − estimate") BigDecimal variance,
        @Schema(description = "Set when another service owns the line, e.g. venue:<bookingId>")
        String externalRef,
        @Schema(description = "Set when the line was withdrawn: it no longer counts in the totals (who withdrew it "
                + "and why: the budget's withdrawnLines)") Instant withdrawnAt) {

    static LineResponse of(LineItems.LineView view) {
        return of(view.line(), view.figures());
    }

    static LineResponse of(LineItem line, BudgetFigures.LineFigures f) {
        Currency currency = line.currency();
        return new LineResponse(line.id, line.category.name(), line.description, line.vendor, line.kind.name(),
                line.currency, unitAmount(line.unitAmount, currency),
                line.glAccount, line.costCentre, line.poNumber, line.committedAt, f.rate(), line.lockedRate != null,
                f.estimateInLineCurrency(),
                line.committedAmount == null ? null : Money.round(line.committedAmount, currency),
                Money.round(line.actualAmount, currency), f.estimate(), f.committed(), f.actual(), f.forecast(),
                f.variance(), line.externalRef, line.withdrawnAt);
    }

    /** A unit amount with the currency's decimals, or more where a per-attendee cost has them (0.125 EUR). */
    private static BigDecimal unitAmount(BigDecimal value, Currency currency) {
        BigDecimal stripped = BudgetFigures.plain(value);
        return stripped.scale() < currency.getDefaultFractionDigits() ? Money.round(value, currency) : stripped;
    }
}
