package app.convene.backbone.event;

import java.time.Instant;
import java.util.UUID;

/** What notification-service announces on {@code notification.events}; the record key is the event id. */
public final class NotificationEvents {
    public static final String FAMILY = "notification";
    public static final String AGGREGATE = "briefing";

    public static final EventType<BriefingScheduled> BRIEFING_SCHEDULED =
            new EventType<>(FAMILY, "briefing-scheduled", 1, BriefingScheduled.class);

    private NotificationEvents() {
    }

    /** A briefing for the event is planned for {@code dueAt}. */
    public record BriefingScheduled(UUID eventId, UUID briefingId, String kind, Instant dueAt) {
    }
}
