package app.convene.registration.domain;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
