package app.convene.notification.feedback.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.feedback.domain.RecipientAcknowledgement;

/** A recipient of the briefing in the acknowledgement report. */
public record Entry(@Schema(required = true) UUID recipientId, @Schema(required = true) String name,
        @Schema(required = true) String address, @Schema(required = true) String audience, Instant acknowledgedAt) {

    static Entry from(RecipientAcknowledgement r) {
        return new Entry(r.recipientId(), r.name(), r.address(), r.audience(), r.acknowledgedAt());
    }
}
