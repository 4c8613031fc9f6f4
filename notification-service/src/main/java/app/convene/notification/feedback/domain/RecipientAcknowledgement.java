package app.convene.notification.feedback.domain;

import java.time.Instant;
import java.util.UUID;

/** A recipient a briefing was sent to, and when they acknowledged it (null: not yet). */
public record RecipientAcknowledgement(UUID recipientId, String name, String address, String audience,
        Instant acknowledgedAt) {
}
