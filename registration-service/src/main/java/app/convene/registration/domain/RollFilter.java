package app.convene.registration.domain;

/**
 * Which registrations the roll shows; each criterion left null does not filter. {@code sessionId}: those holding a
 * seat in that session of the event, or waiting for one.
 */
public record RollFilter(RegistrationStatus status, Boolean checkedIn, Boolean noShow, java.util.UUID sessionId) {
}
