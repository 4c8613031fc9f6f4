package app.convene.venue.api;

import java.util.UUID;

import app.convene.venue.domain.InspectionResult;
import app.convene.venue.domain.ItemOutcome;

public record ResultResponse(UUID itemId, ItemOutcome outcome, String note) {
    static ResultResponse from(InspectionResult result) {
        return new ResultResponse(result.itemId, result.outcome, result.note);
    }
}
