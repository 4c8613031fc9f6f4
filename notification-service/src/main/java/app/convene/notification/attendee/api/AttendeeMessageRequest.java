package app.convene.notification.attendee.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.attendee.service.AttendeeMessaging;

/** A message to an event's attendees. */
public record AttendeeMessageRequest(
        @NotBlank @Size(max = 150) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line")
        @Schema(description = "The subject, one line; each copy's subject is the event's title, a colon and this",
                examples = "The entrance has moved") String subject,
        @NotBlank @Size(max = 10000)
        @Schema(description = "The text, as it is to be read (plain text); each copy ends with a line in its "
                + "attendee's language saying why they receive it",
                examples = "The main entrance is closed for works: please use the side door on Dokweg.") String body,
        @Schema(description = "Who it goes to: CONFIRMED (the default), WAITLISTED, or REGISTERED (both)")
        AttendeeMessaging.Audience audience) {
}
