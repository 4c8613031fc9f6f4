package app.convene.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.Constraints;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Conflict;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Question;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.domain.SessionChoice;
import app.convene.registration.persistence.EventRepository;
import app.convene.registration.persistence.RegistrationRepository;
import app.convene.registration.service.Registrations.Attendee;
import app.convene.registration.service.Registrations.Placement;

/**
 * Places newcomers on an event, in one transaction each: confirmed when the seats allow it and nobody waits,
 * otherwise on the waiting list. The caller's access, the answers and the sessions are checked, and the newcomers'
 * clashes with other commitments read, first without a lock; then one statement checks that the event takes
 * registrations, places the arrivals and takes the event's row lock ({@link EventRepository#place}), held only until
 * the registrations and their announcements are written; the unique index on active registrations refuses a second
 * registration of the same person.
 */
@ApplicationScoped
public class Placements {
    /** The unique index allowing one active registration per person and event. */
    private static final String ACTIVE_PER_ATTENDEE = "registration_one_active_per_attendee";

    @Inject
    Clock clock;
    @Inject
    EventCatalog events;
    @Inject
    EventRepository eventRows;
    @Inject
    RegistrationRepository registrations;
    @Inject
    Outbox outbox;
    @Inject
    Sessions sessions;
    @Inject
    Questions questions;
    @Inject
    EventAccessRules rules;
    @Inject
    Conflicts conflicts;

    /**
     * The event's owner, co-organizers and delegates register anyone, also outside the registration window (e.g.
     * walk-ins at the door); an attendee registers itself, for an event it may see.
     */
    @Transactional
    public Placement register(UUID eventId, Attendee attendee, List<UUID> sessionIds, boolean byOrganizer) {
        rules.register(eventId, attendee.email());
        return place(eventId, List.of(attendee), sessionIds, null, byOrganizer).get(0);
    }

    /**
     * A booker's group: all confirmed together when the seats allow it, otherwise all waitlisted together. Only the
     * event's owner, co-organizers and delegates book groups.
     */
    @Transactional
    public List<Placement> registerGroup(UUID eventId, List<Attendee> attendees, List<UUID> sessionIds,
            boolean byOrganizer) {
        rules.change(eventId);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            if (!seen.add(attendees.get(i).email().toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalidField("attendees[" + i + "].email", "appears twice in the group");
            }
        }
        return place(eventId, attendees, sessionIds, UUID.randomUUID(), byOrganizer);
    }

    private List<Placement> place(UUID eventId, List<Attendee> attendees, List<UUID> sessionIds, UUID groupId,
            boolean byOrganizer) {
        // Everything that needs no lock is checked first, so the event's row is locked only for the placement itself.
        List<Question> asked = questions.askedBy(eventId);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            answers.add(questions.check(asked, attendees.get(i).answers(),
                    groupId == null ? "attendee.answers" : "attendees[" + i + "].answers"));
        }
        sessions.requireOfEvent(eventId, sessionIds);
        // An organizer's answer warns of each newcomer's clashes with other commitments: read now, not under the lock.
        List<List<Conflict>> warnings = conflicts.forNewcomers(eventId,
                attendees.stream().map(Attendee::email).toList(), sessionIds);
        // The placement statement checks the event's state and registration window itself, under its row lock: it is
        // read only to say why it refused. A second active registration of the same person is refused by the unique
        // index when the registration is inserted (see insertRegistrations), so nothing is read before it either.
        Instant now = clock.instant();
        EventRepository.Placed placed = eventRows.place(eventId, attendees.size(), now, byOrganizer).orElseThrow(() -> {
            // Read as it is now (an attendee's access check may have read it before it changed).
            requireOpenForRegistration(eventRows.reread(events.find(eventId)), now, byOrganizer);
            return ProblemException.conflict("registration-closed", "event " + eventId + " no longer takes "
                    + "registrations");
        });
        int arrivals = attendees.size();
        List<Registration> created = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            Attendee attendee = attendees.get(i);
            Registration registration = new Registration();
            registration.id = UUID.randomUUID();
            registration.eventId = eventId;
            registration.attendeeEmail = attendee.email();
            registration.attendeeName = attendee.name();
            registration.organisation = attendee.organisation();
            registration.answers = answers.get(i);
            registration.groupId = groupId;
            registration.language = attendee.language() != null ? attendee.language() : placed.language();
            registration.registeredAt = now;
            registration.ticketCode = Registration.newTicketCode();
            if (placed.seated()) {
                registration.status = RegistrationStatus.CONFIRMED;
            } else {
                registration.status = RegistrationStatus.WAITLISTED;
                // Arrivals join the end of the list: the group's members hold its last ranks, in the group's order.
                registration.waitlistRank = placed.waitlistCounter() - arrivals + 1 + i;
            }
            created.add(registration);
        }
        insertRegistrations(eventId, created, attendees, byOrganizer);
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            Registration registration = created.get(i);
            List<SessionChoice> choices = sessions.choose(eventId, registration.id, sessionIds, placed.seated());
            if (placed.seated()) {
                outbox.append(RegistrationEvents.CONFIRMED, RegistrationEvents.AGGREGATE, eventId,
                        new RegistrationEvents.RegistrationConfirmed(eventId, registration.id,
                                registration.attendeeEmail, now, registration.language, registration.ticketCode));
                placements.add(new Placement(registration, null, choices, warnings.get(i)));
            } else {
                int position = placed.waitlisted() - arrivals + 1 + i;
                outbox.append(RegistrationEvents.WAITLISTED, RegistrationEvents.AGGREGATE, eventId,
                        new RegistrationEvents.RegistrationWaitlisted(eventId, registration.id,
                                registration.attendeeEmail, position, now, registration.language));
                placements.add(new Placement(registration, position, choices, warnings.get(i)));
            }
        }
        events.announceHeadcount(eventId, placed);
        return placements;
    }

    /**
     * Writes the new registrations now. When someone else registered the same person after the check above, the
     * unique index on active registrations refuses the insert; the answer then names that registration.
     */
    private void insertRegistrations(UUID eventId, List<Registration> created, List<Attendee> attendees,
            boolean byOrganizer) {
        try {
            registrations.insert(created);
        } catch (PersistenceException e) {
            throw whoHolds(e, eventId, attendees.stream().map(Attendee::email).toList(), byOrganizer);
        }
    }

    /**
     * A write refused by the unique index on active registrations, for one of {@code emails}: the 409 naming the
     * registration that holds the place (to organizers); any other failure as it is. This transaction can only roll
     * back now, so the holder is looked up in a transaction of its own.
     */
    RuntimeException whoHolds(PersistenceException e, UUID eventId, List<String> emails, boolean byOrganizer) {
        if (!Constraints.violated(e, ACTIVE_PER_ATTENDEE)) {
            return e;
        }
        for (String email : emails) {
            Optional<Registration> existing = QuarkusTransaction.requiringNew()
                    .call(() -> registrations.findActive(eventId, email));
            if (existing.isPresent()) {
                return alreadyRegistered(email, eventId, existing.get(), byOrganizer);
            }
        }
        return e;
    }

    /** Organizers are told which registration holds the place; an attendee only that it is taken. */
    private static ProblemException alreadyRegistered(String email, UUID eventId, Registration existing,
            boolean byOrganizer) {
        return ProblemException.conflict("already-registered", email + " is already registered for event " + eventId
                + (byOrganizer ? " as registration " + existing.id : ""));
    }

    private static void requireOpenForRegistration(Event event, Instant now, boolean byOrganizer) {
        if (event.status == EventStatus.CANCELLED) {
            throw ProblemException.conflict("event-cancelled", "event " + event.id + " was cancelled");
        }
        if (event.status == EventStatus.DRAFT) {
            throw ProblemException.conflict("registration-closed", "event " + event.id
                    + " is not published yet");
        }
        if (byOrganizer) {
            return;
        }
        if (event.registrationOpensAt != null && now.isBefore(event.registrationOpensAt)) {
            throw ProblemException.conflict("registration-not-open", "registration for event " + event.id
                    + " opens at " + event.registrationOpensAt);
        }
        if (!now.isBefore(event.registrationClosesAtOrStart())) {
            throw ProblemException.conflict("registration-closed", "registration for event " + event.id
                    + " closed at " + event.registrationClosesAtOrStart());
        }
    }
}
