package app.convene.notification.delivery.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.delivery.domain.LoggedDelivery;

public record DeliveryLog(@Schema(required = true) UUID id, @Schema(required = true) String purpose,
        UUID recipientId, @Schema(required = true) String channel, @Schema(required = true) String address,
        @Schema(required = true, description = "PENDING, IN_FLIGHT (being sent), DELIVERED or FAILED") String status,
        int attempts, @Schema(required = true) Instant nextAttemptAt,
        @Schema(description = "A generic outcome: timed out, connection refused, HTTP 500, address not allowed, ...")
        String lastError, @Schema(required = true, description = "When the mail was written") Instant createdAt,
        @Schema(description = "Attendee mail: CONFIRMATION, WAITLISTED, PROMOTED, CANCELLED, MOVED, "
                + "EVENT_CANCELLED, REMINDER, FEEDBACK, MINUTES, TRANSFERRED, READDRESSED, SESSION_CANCELLED or MESSAGE "
                + "(a message from the organizers); "
                + "null for a briefing's") String kind,
        @Schema(description = "Attendee mail: the registration it is about; null for a briefing's") UUID registrationId,
        @Schema(required = true) List<Attempt> log) {

    public static DeliveryLog from(LoggedDelivery d) {
        return new DeliveryLog(d.id(), d.purpose().name(), d.recipientId(), d.channel().name(), d.address(),
                d.status().name(), d.attempts(), d.nextAttemptAt(), d.lastError(), d.createdAt(), d.mailKind(),
                d.registrationId(), d.log().stream().map(Attempt::from).toList());
    }
}
