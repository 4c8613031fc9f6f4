package app.convene.budget.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.LineItems;

@Schema(description = "The line just added and the budget's totals after it (not the whole budget: GET the "
        + "budget for every line)")
public record LineAddedResponse(@Schema(required = true) UUID eventId, @Schema(required = true) String status,
        @Schema(required = true) String currency,
        @Schema(description = Descriptions.REVISION) int revision,
        @Schema(required = true) LineResponse line, @Schema(required = true) Totals totals) {

    static LineAddedResponse of(LineItems.Added added) {
        EventBudget b = added.budget();
        return new LineAddedResponse(b.eventId, b.status.name(), b.currency, b.revision,
                LineResponse.of(added.line(), added.figures()), Totals.of(b, added.totals()));
    }
}
