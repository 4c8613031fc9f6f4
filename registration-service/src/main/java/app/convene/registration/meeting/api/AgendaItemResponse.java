package app.convene.registration.meeting.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.AgendaItem;

/** An agenda item in its place (1 is first). */
public record AgendaItemResponse(@Schema(required = true) UUID id, int position, @Schema(required = true) String title,
        String presenter, Integer timeBoxMinutes,
        @Schema(required = true) String kind, @Schema(required = true) List<String> attachments) {
    static AgendaItemResponse from(AgendaItem item) {
        return new AgendaItemResponse(item.id, item.position, item.title, item.presenter, item.timeBoxMinutes,
                item.kind.name(), item.attachments);
    }
}
