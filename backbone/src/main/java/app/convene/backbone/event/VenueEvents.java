package app.convene.backbone.event;

import java.util.UUID;

/** What venue-service announces on {@code venue.events}; the record key is the event id. */
public final class VenueEvents {
    public static final String FAMILY = "venue";
    public static final String AGGREGATE = "event-readiness";

    public static final EventType<ReadinessChanged> READINESS_CHANGED =
            new EventType<>(FAMILY, "readiness-changed", 1, ReadinessChanged.class);

    private VenueEvents() {
    }

    /** The event's overall readiness changed (e.g. first known, or ready → not ready). */
    public record ReadinessChanged(UUID eventId, boolean ready, String reason) {
    }
}
