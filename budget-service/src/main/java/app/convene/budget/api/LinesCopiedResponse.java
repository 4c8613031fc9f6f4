package app.convene.budget.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.LineItems;

@Schema(description = "The lines just copied into the budget and its totals after them")
public record LinesCopiedResponse(@Schema(required = true) UUID eventId, @Schema(required = true) String status,
        @Schema(required = true) String currency,
        @Schema(description = Descriptions.REVISION) int revision,
        @Schema(required = true, description = "The event whose budget they were copied from") UUID copiedFrom,
        @Schema(required = true, description = "The new lines, in the order they were added there") List<UUID> lineIds,
        @Schema(required = true) Totals totals) {

    static LinesCopiedResponse of(LineItems.Copied copied) {
        EventBudget b = copied.budget();
        return new LinesCopiedResponse(b.eventId, b.status.name(), b.currency, b.revision, copied.copiedFrom(),
                copied.lines().stream().map(l -> l.id).toList(), Totals.of(b, copied.totals()));
    }
}
