package app.convene.registration.domain;

public enum EventStatus {
    /** Being prepared; nobody can register yet. */
    DRAFT,
    /** Open for registration within its window. */
    PUBLISHED,
    /** Called off; registrations are kept for the record, none are taken. */
    CANCELLED
}
