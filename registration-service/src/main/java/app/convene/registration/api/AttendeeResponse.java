package app.convene.registration.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AttendeeResponse(@Schema(required = true) String email, @Schema(required = true) String name,
        String organisation, Map<String, Object> answers,
        @Schema(description = "The language the attendee is written in (en, sv, nl or ro)") String language) {
}
