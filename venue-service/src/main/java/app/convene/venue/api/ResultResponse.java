package app.convene.venue.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.InspectionResult;
import app.convene.venue.domain.ItemOutcome;

public record ResultResponse(@Schema(required = true) UUID itemId, @Schema(required = true) ItemOutcome outcome,
        String note) {
    static ResultResponse from(InspectionResult result) {
        return new ResultResponse(result.itemId, result.outcome, result.note);
    }
}
