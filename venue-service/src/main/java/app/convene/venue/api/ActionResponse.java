package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.CorrectiveAction;

public record ActionResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID itemId,
        @Schema(required = true) UUID eventId, @Schema(required = true) String description,
        @Schema(required = true) String owner, @Schema(required = true) Instant dueAt,
        @Schema(required = true) String status, @Schema(required = true) Instant openedAt, String closedBy,
        Instant closedAt, String resolution) {
    static ActionResponse from(CorrectiveAction a) {
        return new ActionResponse(a.id, a.itemId, a.eventId, a.description, a.owner, a.dueAt, a.status.name(),
                a.openedAt, a.closedBy, a.closedAt, a.resolution);
    }
}
