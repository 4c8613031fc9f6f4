package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One side of a journal entry. Amounts are positive; {@code side} says debit or credit. */
public record JournalLine(String id, UUID entryId, Instant postedAt, String entryType, String side,
        String glAccount, String costCentre, String poNumber, UUID eventId, UUID lineItemId, String vendor,
        BigDecimal amount, String currency, BigDecimal originalAmount, String originalCurrency, BigDecimal rate,
        String description) {
}
