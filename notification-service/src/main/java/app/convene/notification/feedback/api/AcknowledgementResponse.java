package app.convene.notification.feedback.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.feedback.service.Acknowledgements;

public record AcknowledgementResponse(@Schema(required = true) UUID briefingId,
        @Schema(required = true) UUID recipientId, @Schema(required = true) Instant acknowledgedAt,
        @Schema(description = "false when this recipient had already acknowledged") boolean first) {

    static AcknowledgementResponse from(Acknowledgements.Acknowledged a) {
        return new AcknowledgementResponse(a.briefingId(), a.recipientId(), a.acknowledgedAt(), a.first());
    }
}
