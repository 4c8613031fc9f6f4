package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.LedgerEntry;

public record LedgerEntryResponse(long sequence, UUID entryId, UUID lineItemId, String kind, BigDecimal amount,
        String currency, BigDecimal rate, BigDecimal budgetAmount, String budgetCurrency, String glAccount,
        String costCentre, String poNumber, String description, Instant occurredAt, String recordedBy) {

    static LedgerEntryResponse of(LedgerEntry e) {
        return new LedgerEntryResponse(e.id, e.entryId, e.lineId, e.kind.name(), Money.atScale(e.amount, e.currency),
                e.currency, e.rate, Money.atScale(e.budgetAmount, e.budgetCurrency), e.budgetCurrency, e.glAccount,
                e.costCentre, e.poNumber, e.description, e.occurredAt, e.recordedBy);
    }
}
