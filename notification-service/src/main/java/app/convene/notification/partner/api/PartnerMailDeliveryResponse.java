package app.convene.notification.partner.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.partner.domain.PartnerMailEntry;

public record PartnerMailDeliveryResponse(@Schema(required = true) UUID id,
        @Schema(required = true, description = "ISSUE_STATUS, ISSUE_PROPOSAL, BOOKING_CONFIRMED, BOOKING_MOVED, BOOKING_CANCELLED, "
                + "CLOSURE or CLOSURE_WITHDRAWN") String kind,
        @Schema(required = true) UUID partnerContactId,
        @Schema(required = true, description = "The contact's address (erased-<contactId>@erased.invalid once erased "
                + "or past retention)") String recipient,
        @Schema(required = true) String subject,
        @Schema(required = true, description = "PENDING, IN_FLIGHT (being sent), DELIVERED or FAILED") String status,
        int attempts, @Schema(required = true) Instant nextAttemptAt,
        @Schema(description = "A generic outcome of the last failed attempt: timed out, connection refused, address "
                + "not allowed, ...; null once delivered") String lastError,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "When it was delivered; null until then") Instant sentAt) {
    static PartnerMailDeliveryResponse from(PartnerMailEntry e) {
        return new PartnerMailDeliveryResponse(e.id(), e.kind(), e.partnerContactId(), e.recipient(), e.subject(),
                e.status(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.createdAt(), e.sentAt());
    }
}
