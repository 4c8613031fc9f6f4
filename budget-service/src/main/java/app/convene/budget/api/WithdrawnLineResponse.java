package app.convene.budget.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.LineItem;

@Schema(description = "A withdrawn line: kept, with its ledger entries, but out of the budget's totals")
public record WithdrawnLineResponse(UUID id, String category, String description, String vendor, String currency,
        String glAccount, String poNumber, Instant withdrawnAt, String withdrawnBy,
        @Schema(description = "Why it was withdrawn") String reason) {

    static WithdrawnLineResponse of(LineItem line) {
        return new WithdrawnLineResponse(line.id, line.category.name(), line.description, line.vendor,
                line.currency, line.glAccount, line.poNumber, line.withdrawnAt, line.withdrawnBy,
                line.withdrawalReason);
    }
}
