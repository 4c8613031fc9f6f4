package app.convene.notification.feedback.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.feedback.domain.Feedback;

public record FeedbackResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true, description = "STAFF (organizer, facility, finance) or ATTENDEE")
        Feedback.Source source,
        @Schema(required = true) String author, int rating, String comment,
        @Schema(required = true) Instant receivedAt) {

    static FeedbackResponse from(Feedback f) {
        return new FeedbackResponse(f.id, f.eventId, f.source, f.author, f.rating, f.comment, f.receivedAt);
    }
}
