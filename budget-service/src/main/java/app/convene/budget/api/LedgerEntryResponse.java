package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.LedgerEntry;

public record LedgerEntryResponse(long sequence, @Schema(required = true) UUID entryId,
        @Schema(required = true) UUID lineItemId, @Schema(required = true) String kind,
        @Schema(required = true) BigDecimal amount, @Schema(required = true) String currency,
        @Schema(required = true) BigDecimal rate, @Schema(required = true) BigDecimal budgetAmount,
        @Schema(required = true) String budgetCurrency, @Schema(required = true) String glAccount,
        String costCentre, String poNumber, @Schema(required = true) String description,
        @Schema(required = true) Instant occurredAt, @Schema(required = true) String recordedBy) {

    static LedgerEntryResponse of(LedgerEntry e) {
        return new LedgerEntryResponse(e.id, e.entryId, e.lineId, e.kind.name(), Money.atScale(e.amount, e.currency),
                e.currency, e.rate, Money.atScale(e.budgetAmount, e.budgetCurrency), e.budgetCurrency, e.glAccount,
                e.costCentre, e.poNumber, e.description, e.occurredAt, e.recordedBy);
    }
}
