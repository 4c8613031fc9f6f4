package app.convene.registration.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.SessionSpeaker;

public record Speaker(@Schema(required = true) String email, @Schema(required = true) String name) {
    static Speaker from(SessionSpeaker speaker) {
        return new Speaker(speaker.email(), speaker.name());
    }
}
