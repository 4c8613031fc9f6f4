package app.convene.registration.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.ActionItem;

/** An action item: who does what by when, decided at which meeting. */
public record ActionItemResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId, UUID seriesId,
        UUID agendaItemId, @Schema(required = true) String title, @Schema(required = true) String owner,
        @Schema(required = true) LocalDate dueDate, @Schema(required = true,
                description = "OPEN, DONE or CANCELLED") String status,
        @Schema(description = "Open and past its due date") boolean overdue, Instant closedAt) {
    static ActionItemResponse from(ActionItem item, LocalDate today) {
        return new ActionItemResponse(item.id, item.eventId, item.seriesId, item.agendaItemId, item.title, item.owner,
                item.dueDate, item.status.name(), item.status == ActionItem.Status.OPEN && item.dueDate.isBefore(today),
                item.closedAt);
    }
}
