package app.convene.notification.feedback.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.notification.feedback.domain.RecipientAcknowledgement;

/** A recipient of the briefing in the acknowledgement report. */
public record Entry(UUID recipientId, String name, String address, String audience, Instant acknowledgedAt) {

    static Entry from(RecipientAcknowledgement r) {
        return new Entry(r.recipientId(), r.name(), r.address(), r.audience(), r.acknowledgedAt());
    }
}
