package app.convene.notification.partner.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One partner mail as its log shows it: what kind, to whom, where it stands, how often it was tried, the last
 * failure in generic words, and when it was sent.
 */
public record PartnerMailEntry(UUID id, String kind, UUID partnerContactId, String recipient, String subject,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
