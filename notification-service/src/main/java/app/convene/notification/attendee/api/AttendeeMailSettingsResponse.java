package app.convene.notification.attendee.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.attendee.service.AttendeeMailSettings;

public record AttendeeMailSettingsResponse(@Schema(required = true) UUID eventId,
        @Schema(required = true,
                description = "en, sv, nl or ro: what attendees are written in unless they chose their own")
        String language,
        @Schema(required = true,
                description = "How long before the start confirmed attendees are reminded (ISO-8601)",
                examples = "PT24H") String reminderBefore) {
    static AttendeeMailSettingsResponse from(AttendeeMailSettings.Settings settings) {
        return new AttendeeMailSettingsResponse(settings.eventId(), settings.language(),
                settings.reminderBefore().toString());
    }
}
