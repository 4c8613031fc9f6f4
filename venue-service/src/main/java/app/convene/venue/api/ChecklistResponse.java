package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.ChecklistCategory;
import app.convene.venue.service.ChecklistDetails;

public record ChecklistResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID bookingId,
        @Schema(required = true) UUID eventId, @Schema(required = true) String name,
        @Schema(required = true) ChecklistCategory category, String signedOffBy, Instant signedOffAt,
        @Schema(required = true) List<ItemResponse> items) {
    static ChecklistResponse from(ChecklistDetails details) {
        Checklist c = details.checklist();
        return new ChecklistResponse(c.id, c.bookingId, c.eventId, c.name, c.category, c.signedOffBy,
                c.signedOffAt, details.items().stream().map(i -> new ItemResponse(i.id, i.position, i.description,
                        i.mandatory, i.dueAt, i.outcome, i.note, i.inspectedAt,
                        details.latestAction(i).map(ActionResponse::from).orElse(null),
                        details.blocking(i).orElse(null))).toList());
    }
}
