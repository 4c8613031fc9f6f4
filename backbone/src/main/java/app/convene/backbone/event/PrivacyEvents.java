package app.convene.backbone.event;

import java.time.Instant;
import java.util.UUID;

/**
 * What registration-service announces on {@code privacy.events} about personal data it has erased or anonymised, so
 * that every service holding a copy does the same. These events never carry a person's address or name.
 */
public final class PrivacyEvents {
    public static final String FAMILY = "privacy";

    /** Key: the event id. */
    public static final EventType<EventAttendeesAnonymised> EVENT_ATTENDEES_ANONYMISED =
            new EventType<>(FAMILY, "event-attendees-anonymised", 1, EventAttendeesAnonymised.class);

    private PrivacyEvents() {
    }

    /**
     * The organisation's retention policy came due for an event: its registrations (and its speakers) were
     * anonymised in place, statuses and counts kept. {@code registrations}: how many rows were anonymised.
     */
    public record EventAttendeesAnonymised(UUID eventId, String organisation, int registrations,
            Instant anonymisedAt) {
    }
}
