package app.convene.registration.meeting.api;

import java.util.List;
import java.util.UUID;

import app.convene.registration.meeting.domain.AgendaItem;

/** An agenda item in its place (1 is first). */
public record AgendaItemResponse(UUID id, int position, String title, String presenter, Integer timeBoxMinutes,
        String kind, List<String> attachments) {
    static AgendaItemResponse from(AgendaItem item) {
        return new AgendaItemResponse(item.id, item.position, item.title, item.presenter, item.timeBoxMinutes,
                item.kind.name(), item.attachments);
    }
}
