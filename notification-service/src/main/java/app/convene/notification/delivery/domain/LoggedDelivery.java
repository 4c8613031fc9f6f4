package app.convene.notification.delivery.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as its log shows it: to whom and how, where it stands, when it was written, what it says (attendee mail:
 * its kind and registration) and every attempt, first first.
 */
public record LoggedDelivery(UUID id, Delivery.Purpose purpose, UUID recipientId, Channel channel, String address,
        Delivery.Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
        String mailKind, UUID registrationId, List<Attempt> log) {

    /** One attempt: when, whether the other side took it, and what it said. */
    public record Attempt(int attempt, Instant attemptedAt, boolean succeeded, String detail) {
    }
}
