package app.convene.registration.domain;

/** Who speaks in a session. */
public record SessionSpeaker(String email, String name) {
}
