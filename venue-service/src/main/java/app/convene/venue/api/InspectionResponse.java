package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record InspectionResponse(UUID id, UUID checklistId, String inspector, Instant inspectedAt,
        List<ResultResponse> results, List<ActionResponse> openedActions) {
}
