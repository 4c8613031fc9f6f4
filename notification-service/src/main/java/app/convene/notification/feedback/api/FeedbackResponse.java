package app.convene.notification.feedback.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.feedback.domain.Feedback;

public record FeedbackResponse(UUID id, UUID eventId,
        @Schema(description = "STAFF (organizer, facility, finance) or ATTENDEE") Feedback.Source source,
        String author, int rating, String comment, Instant receivedAt) {

    static FeedbackResponse from(Feedback f) {
        return new FeedbackResponse(f.id, f.eventId, f.source, f.author, f.rating, f.comment, f.receivedAt);
    }
}
