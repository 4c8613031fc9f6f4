package app.convene.notification.delivery.domain;

/** The groups an event's briefings and alerts go to, by role. LEADS are department leads and directors. */
public enum Audience {
    ORGANIZERS, FACILITY, FINANCE, LEADS
}
