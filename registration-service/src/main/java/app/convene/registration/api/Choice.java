package app.convene.registration.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.SessionChoice;

/** A chosen session and whether the registration holds a seat in it. */
public record Choice(@Schema(required = true) UUID sessionId, @Schema(required = true) String title,
        @Schema(required = true) String status) {
    static Choice from(SessionChoice choice) {
        return new Choice(choice.sessionId(), choice.title(), choice.status());
    }
}
