package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.venue.domain.CorrectiveAction;

public record ActionResponse(UUID id, UUID itemId, UUID eventId, String description, String owner,
        Instant dueAt, String status, Instant openedAt, String closedBy, Instant closedAt, String resolution) {
    static ActionResponse from(CorrectiveAction a) {
        return new ActionResponse(a.id, a.itemId, a.eventId, a.description, a.owner, a.dueAt, a.status.name(),
                a.openedAt, a.closedBy, a.closedAt, a.resolution);
    }
}
