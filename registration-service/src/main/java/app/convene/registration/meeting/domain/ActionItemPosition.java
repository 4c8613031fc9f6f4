package app.convene.registration.meeting.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Where a page of action items (by due date, then id) ends: the last item's due date and id. */
public record ActionItemPosition(LocalDate dueDate, UUID id) {
    public static ActionItemPosition of(ActionItem item) {
        return new ActionItemPosition(item.dueDate, item.id);
    }
}
