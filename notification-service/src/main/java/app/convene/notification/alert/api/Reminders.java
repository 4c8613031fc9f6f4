package app.convene.notification.alert.api;

import java.util.UUID;

/** How many recipients of the briefing were reminded. */
public record Reminders(UUID briefingId, int reminded) {
}
