package app.convene.registration.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.service.Agendas.AgendaView;

/** A meeting's agenda, with the overdue action items of the series' earlier meetings. */
public record AgendaResponse(@Schema(required = true) UUID eventId,
        @Schema(description = "How many times it was published; 0 before the first time") int version,
        @Schema(description = "When it was last published; null while only its organizers see it") Instant publishedAt,
        @Schema(required = true) List<AgendaItemResponse> items,
        @Schema(required = true,
                description = "Open action items of earlier meetings of the series, overdue by this meeting")
        List<ActionItemResponse> carriedActionItems) {
    static AgendaResponse from(AgendaView view, LocalDate today) {
        return new AgendaResponse(view.eventId(), view.version(), view.publishedAt(),
                view.items().stream().map(AgendaItemResponse::from).toList(),
                view.carriedActionItems().stream().map(a -> ActionItemResponse.from(a, today)).toList());
    }
}
