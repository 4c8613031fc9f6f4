package app.convene.budget.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.LineItem;

@Schema(description = "A withdrawn line: kept, with its ledger entries, but out of the budget's totals")
public record WithdrawnLineResponse(@Schema(required = true) UUID id, @Schema(required = true) String category,
        @Schema(required = true) String description, String vendor, @Schema(required = true) String currency,
        @Schema(required = true) String glAccount, String poNumber, @Schema(required = true) Instant withdrawnAt,
        @Schema(required = true) String withdrawnBy,
        @Schema(required = true, description = "Why it was withdrawn") String reason) {

    static WithdrawnLineResponse of(LineItem line) {
        return new WithdrawnLineResponse(line.id, line.category.name(), line.description, line.vendor,
                line.currency, line.glAccount, line.poNumber, line.withdrawnAt, line.withdrawnBy,
                line.withdrawalReason);
    }
}
