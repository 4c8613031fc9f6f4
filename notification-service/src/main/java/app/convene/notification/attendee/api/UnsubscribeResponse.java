package app.convene.notification.attendee.api;

import java.util.UUID;

public record UnsubscribeResponse(UUID registrationId, boolean remindersStopped) {
}
