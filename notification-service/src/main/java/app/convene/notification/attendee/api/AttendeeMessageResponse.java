package app.convene.notification.attendee.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.attendee.service.AttendeeMessaging;

/** A message to an event's attendees, with how far its copies went out. */
public record AttendeeMessageResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) String subject, @Schema(required = true) String body,
        @Schema(required = true) AttendeeMessaging.Audience audience,
        @Schema(required = true, description = "Who sent it") String sentBy,
        @Schema(required = true) Instant sentAt,
        @Schema(description = "How many attendees it was written to (erased ones are not)") int recipients,
        @Schema(description = "Copies waiting to be sent or being sent") int pending,
        @Schema(description = "Copies the mail server accepted") int delivered,
        @Schema(description = "Copies given up on (the event's attendee mail log says why)") int failed) {
    static AttendeeMessageResponse from(AttendeeMessaging.Message message) {
        var s = message.sent();
        var p = message.progress();
        return new AttendeeMessageResponse(s.id(), s.eventId(), s.subject(), s.body(),
                AttendeeMessaging.Audience.valueOf(s.audience()), s.sentBy(), s.sentAt(), s.recipients(), p.pending(),
                p.delivered(), p.failed());
    }
}
