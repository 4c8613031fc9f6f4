package app.convene.registration.domain;

/** Which registrations the roll shows; each criterion left null does not filter. */
public record RollFilter(RegistrationStatus status, Boolean checkedIn, Boolean noShow) {
}
