package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.convene.venue.service.Checklists;

public record InspectionResponse(UUID id, UUID checklistId, String inspector, Instant inspectedAt,
        List<ResultResponse> results, List<ActionResponse> openedActions) {
    static InspectionResponse from(Checklists.InspectionRecord record) {
        return new InspectionResponse(record.inspection().id, record.inspection().checklistId,
                record.inspection().inspector, record.inspection().inspectedAt,
                record.results().stream().map(ResultResponse::from).toList(),
                record.openedActions().stream().map(ActionResponse::from).toList());
    }
}
