package app.convene.registration.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Registration;
import app.convene.registration.persistence.RegistrationRepository;

/**
 * Who may read and change an event and its registrations here. Staff go through the backbone's
 * {@link EventAccessGuard} (another organisation's event, or a confidential one of others: 404; a change by someone
 * who is not owner, co-organizer or delegate: 403). Attendees act only for themselves: they read an event of their
 * organisation that is published (or cancelled) and not confidential, or one they hold a registration for, and only
 * their own registrations; anything else is 404, so they cannot learn what exists.
 */
@ApplicationScoped
public class EventAccessRules {
    @Inject
    EventAccessGuard guard;
    @Inject
    EventAccessStore store;
    @Inject
    Caller caller;
    @Inject
    RegistrationRepository registrations;

    /** The event's access when the caller may read the event; 404 otherwise. */
    public EventAccess read(UUID eventId) {
        if (caller.isStaff()) {
            return guard.read(eventId);
        }
        EventAccess access = ofOwnOrganisation(eventId);
        Event event = Event.findById(eventId);
        if (event == null) {
            throw notFound(eventId);
        }
        boolean open = event.status != EventStatus.DRAFT && !access.confidential();
        if (!open && !registrations.isHeldBy(eventId, caller.subject())) {
            throw notFound(eventId);
        }
        return access;
    }

    /** The event's access when the caller may change it (owner, co-organizer, delegate); 404 or 403 otherwise. */
    public EventAccess change(UUID eventId) {
        return guard.change(eventId);
    }

    /** The event's access when the caller is its owner, a co-organizer or a delegate (personal data: the roll). */
    public EventAccess requireMember(UUID eventId) {
        return guard.requireMember(eventId);
    }

    /** Whether the caller is the event's owner, a co-organizer or a delegate (without answering 403 or 404). */
    public boolean isMember(UUID eventId) {
        if (!caller.isStaff()) {
            return false;
        }
        try {
            guard.requireMember(eventId);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** Members register anyone; an attendee registers only itself, for an event it may read. */
    public EventAccess register(UUID eventId, String email) {
        if (caller.isOrganizer()) {
            return guard.change(eventId);
        }
        EventAccess access = read(eventId);
        if (!caller.is(email)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "an attendee token registers only its own e-mail address");
        }
        return access;
    }

    /**
     * A registration the caller may read ({@code change} false) or cancel ({@code change} true): an organizer who is a
     * member of the event, or the attendee it belongs to. 404 for anyone else.
     */
    public Registration registration(UUID eventId, UUID registrationId, boolean change) {
        if (caller.isOrganizer()) {
            if (change) {
                guard.change(eventId);
            } else {
                guard.requireMember(eventId);
            }
            return find(eventId, registrationId);
        }
        ofOwnOrganisation(eventId);
        Registration registration = Registration.findById(registrationId);
        if (registration == null || !registration.eventId.equals(eventId) || !caller.is(registration.attendeeEmail)) {
            throw ProblemException.notFound("registration", registrationId);
        }
        return registration;
    }

    /** The access shown with an event: to the organisation's staff; attendees see none of it. */
    public EventAccess shown(EventAccess access) {
        return caller.isStaff() ? access : null;
    }

    /** Conflict warnings and existing registrations' ids are for organizers only. */
    public boolean seesOthers() {
        return caller.isOrganizer();
    }

    private EventAccess ofOwnOrganisation(UUID eventId) {
        EventAccess access = store.find(eventId).orElse(null);
        if (access == null || !access.organisation().equals(caller.organisation())) {
            throw notFound(eventId);
        }
        return access;
    }

    static Registration find(UUID eventId, UUID registrationId) {
        Registration registration = Registration.findById(registrationId);
        if (registration == null || !registration.eventId.equals(eventId)) {
            throw ProblemException.notFound("registration", registrationId);
        }
        return registration;
    }

    private static ProblemException notFound(UUID eventId) {
        return ProblemException.notFound("event", eventId);
    }
}
