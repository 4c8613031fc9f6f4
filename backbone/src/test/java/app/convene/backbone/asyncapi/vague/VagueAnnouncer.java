package app.convene.backbone.asyncapi.vague;

import app.convene.backbone.event.EventType;
import app.convene.backbone.outbox.Outbox;

/** Appends whatever type it is given: the bytecode cannot say which, so the scan refuses it. */
public class VagueAnnouncer {
    Outbox outbox;

    <P> void announce(EventType<P> type, Object id, P payload) {
        outbox.append(type, "event", id, payload);
    }
}
