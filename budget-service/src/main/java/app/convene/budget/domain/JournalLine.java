package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side of a journal entry. Amounts are positive; {@code side} says debit or credit. */
public record JournalLine(@Schema(required = true) String id, @Schema(required = true) UUID entryId,
        @Schema(required = true) Instant postedAt, @Schema(required = true) String entryType,
        @Schema(required = true) String side, @Schema(required = true) String glAccount, String costCentre,
        String poNumber, @Schema(required = true) UUID eventId, @Schema(required = true) UUID lineItemId,
        String vendor, @Schema(required = true) BigDecimal amount, @Schema(required = true) String currency,
        @Schema(required = true) BigDecimal originalAmount, @Schema(required = true) String originalCurrency,
        @Schema(required = true) BigDecimal rate, @Schema(required = true) String description) {
}
