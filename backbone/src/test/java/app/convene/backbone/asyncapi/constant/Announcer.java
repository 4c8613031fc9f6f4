package app.convene.backbone.asyncapi.constant;

import java.time.Instant;
import java.util.UUID;

import app.convene.backbone.event.EventType;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;

/** Appends with constants, directly and through a local variable chosen at run time: both are read. */
public class Announcer {
    Outbox outbox;

    @SuppressWarnings({"rawtypes", "unchecked"})
    void cancel(UUID eventId, boolean undo) {
        outbox.append(RegistrationEvents.EVENT_CANCELLED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Board meeting", Instant.EPOCH));
        EventType type = undo ? RegistrationEvents.CHECK_IN_UNDONE : RegistrationEvents.CHECKED_IN;
        outbox.append(type, "registration", eventId, new RegistrationEvents.CheckInUndone(eventId, eventId));
    }
}
