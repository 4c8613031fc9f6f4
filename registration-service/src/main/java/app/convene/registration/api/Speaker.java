package app.convene.registration.api;

import app.convene.registration.domain.SessionSpeaker;

public record Speaker(String email, String name) {
    static Speaker from(SessionSpeaker speaker) {
        return new Speaker(speaker.email(), speaker.name());
    }
}
