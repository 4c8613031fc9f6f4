package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Checklists;

public record InspectionResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID checklistId,
        @Schema(required = true) String inspector, @Schema(required = true) Instant inspectedAt,
        @Schema(required = true) List<ResultResponse> results,
        @Schema(required = true) List<ActionResponse> openedActions) {
    static InspectionResponse from(Checklists.InspectionRecord record) {
        return new InspectionResponse(record.inspection().id, record.inspection().checklistId,
                record.inspection().inspector, record.inspection().inspectedAt,
                record.results().stream().map(ResultResponse::from).toList(),
                record.openedActions().stream().map(ActionResponse::from).toList());
    }
}
