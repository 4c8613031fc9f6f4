package app.convene.notification.alert.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many recipients of the briefing were reminded. */
public record Reminders(@Schema(required = true) UUID briefingId, int reminded) {
}
