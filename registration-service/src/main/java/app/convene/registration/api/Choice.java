package app.convene.registration.api;

import java.util.UUID;

import app.convene.registration.domain.SessionChoice;

/** A chosen session and whether the registration holds a seat in it. */
public record Choice(UUID sessionId, String title, String status) {
    static Choice from(SessionChoice choice) {
        return new Choice(choice.sessionId(), choice.title(), choice.status());
    }
}
