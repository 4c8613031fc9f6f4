package app.convene.notification.attendee.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record UnsubscribeResponse(@Schema(required = true) UUID registrationId, boolean remindersStopped) {
}
