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
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;

/**
 * Registrations, cancellations and check-in. Every change holds the event's row lock, so the seat count, the waiting
 * list order and the promotion on cancellation are decided one at a time: never more confirmed than the seats, never
 * two promotions for one freed seat. A registration takes the lock as late as it can, with the atomic statement that
 * places it ({@link EventCatalog#place}); the others lock the event first.
 */
@ApplicationScoped
public class Registrations {
    @Inject
    Clock clock;
    /** The unique index allowing one active registration per person and event. */
    private static final String ACTIVE_PER_ATTENDEE = "registration_one_active_per_attendee";

    @Inject
    EventCatalog events;
    @Inject
    WaitingList waitingList;
    @Inject
    Outbox outbox;
    @Inject
    Sessions sessions;
    @Inject
    Questions questions;
    @Inject
    EventAccessRules rules;

    public record Attendee(String email, String name, String organisation, Map<String, Object> answers) {
    }

    /** A registration and, when waitlisted, its position at the time of the answer. */
    public record Placement(Registration registration, Integer waitlistPosition) {
    }

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
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            answers.add(questions.check(eventId, attendees.get(i).answers(),
                    groupId == null ? "attendee.answers" : "attendees[" + i + "].answers"));
        }
        Event event = events.find(eventId);
        Instant now = clock.instant();
        requireOpenForRegistration(event, now, byOrganizer);
        for (Attendee attendee : attendees) {
            // A second registration racing this check is refused by the unique index; see alreadyRegistered.
            Optional<Registration> existing = Registration.findActive(eventId, attendee.email());
            if (existing.isPresent()) {
                throw alreadyRegistered(attendee.email(), eventId, existing.get(), byOrganizer);
            }
        }
        sessions.requireOfEvent(eventId, sessionIds);
        EventCatalog.Placed placed = events.place(eventId, attendees.size(), now, byOrganizer).orElseThrow(() -> {
            // The event changed since it was read: say why, as for a request that came a moment later.
            Event current = events.reread(event);
            requireOpenForRegistration(current, now, byOrganizer);
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
            registration.registeredAt = now;
            if (placed.seated()) {
                registration.status = RegistrationStatus.CONFIRMED;
            } else {
                registration.status = RegistrationStatus.WAITLISTED;
                // Arrivals join the end of the list: the group's members hold its last ranks, in the group's order.
                registration.waitlistRank = placed.waitlistCounter() - arrivals + 1 + i;
            }
            registration.persist();
            created.add(registration);
        }
        insertRegistrations(eventId, attendees, byOrganizer);
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            Registration registration = created.get(i);
            sessions.choose(eventId, registration.id, sessionIds, placed.seated());
            if (placed.seated()) {
                outbox.append(RegistrationEvents.CONFIRMED, RegistrationEvents.AGGREGATE, eventId,
                        new RegistrationEvents.RegistrationConfirmed(eventId, registration.id,
                                registration.attendeeEmail, registration.attendeeName, now));
                placements.add(new Placement(registration, null));
            } else {
                int position = placed.waitlisted() - arrivals + 1 + i;
                outbox.append(RegistrationEvents.WAITLISTED, RegistrationEvents.AGGREGATE, eventId,
                        new RegistrationEvents.RegistrationWaitlisted(eventId, registration.id,
                                registration.attendeeEmail, registration.attendeeName, position, now));
                placements.add(new Placement(registration, position));
            }
        }
        events.announceHeadcount(eventId, placed);
        return placements;
    }

    /**
     * Writes the new registrations now. When someone else registered the same person after the check above, the
     * unique index on active registrations refuses the insert; the answer then names that registration.
     */
    private void insertRegistrations(UUID eventId, List<Attendee> attendees, boolean byOrganizer) {
        try {
            Registration.flush();
        } catch (PersistenceException e) {
            if (!Constraints.violated(e, ACTIVE_PER_ATTENDEE)) {
                throw e;
            }
            // This transaction can only roll back now; the winner is looked up in a transaction of its own.
            for (Attendee attendee : attendees) {
                Optional<Registration> existing = QuarkusTransaction.requiringNew()
                        .call(() -> Registration.findActive(eventId, attendee.email()));
                if (existing.isPresent()) {
                    throw alreadyRegistered(attendee.email(), eventId, existing.get(), byOrganizer);
                }
            }
            throw e;
        }
    }


    /** Organizers are told which registration holds the place; an attendee only that it is taken. */
    private static ProblemException alreadyRegistered(String email, UUID eventId, Registration existing,
            boolean byOrganizer) {
        return ProblemException.conflict("already-registered", email + " is already registered for event " + eventId
                + (byOrganizer ? " as registration " + existing.id : ""));
    }

    /**
     * Cancels; a freed seat goes at once to the first on the waiting list. After the event's cancellation deadline
     * its policy applies to attendees: refused, or accepted and counted as late. Organizers may always cancel.
     */
    @Transactional
    public Placement cancel(UUID eventId, UUID registrationId, boolean byOrganizer) {
        rules.registration(eventId, registrationId, true);
        Event event = events.lock(eventId);
        Registration registration = find(eventId, registrationId);
        if (registration.status == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("already-cancelled", "registration " + registrationId
                    + " was cancelled at " + registration.cancelledAt);
        }
        Instant now = clock.instant();
        boolean late = now.isAfter(event.cancellationDeadlineOrStart());
        if (late && !byOrganizer && event.lateCancellationPolicy == LateCancellationPolicy.REFUSE) {
            throw ProblemException.conflict("cancellation-deadline-passed", "the cancellation deadline of event "
                    + eventId + " was " + event.cancellationDeadlineOrStart() + "; ask an organizer");
        }
        RegistrationStatus previous = registration.status;
        if (registration.checkedInAt != null) {
            event.checkedInCount--;
            registration.checkedInAt = null;
        }
        registration.status = RegistrationStatus.CANCELLED;
        registration.waitlistRank = null;
        registration.cancelledAt = now;
        if (previous == RegistrationStatus.CONFIRMED) {
            event.confirmedCount--;
            if (late) {
                registration.lateCancellation = true;
                event.lateCancellationCount++;
            }
        } else {
            event.waitlistedCount--;
        }
        registration.flush();
        sessions.release(registrationId);
        outbox.append(RegistrationEvents.CANCELLED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.RegistrationCancelled(eventId, registrationId, registration.attendeeEmail,
                        previous.name(), now, registration.lateCancellation));
        waitingList.promoteWhileSeatsFree(event, now);
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    @Transactional
    public Placement checkIn(UUID eventId, UUID registrationId) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        Registration registration = find(eventId, registrationId);
        if (registration.status != RegistrationStatus.CONFIRMED) {
            throw ProblemException.conflict("not-confirmed", "registration " + registrationId + " is "
                    + registration.status + "; only confirmed attendees check in");
        }
        if (registration.checkedInAt != null) {
            throw ProblemException.conflict("already-checked-in", "registration " + registrationId
                    + " checked in at " + registration.checkedInAt);
        }
        registration.checkedInAt = clock.instant();
        event.checkedInCount++;
        if (registration.noShow) {
            registration.noShow = false;
            event.noShowCount--;
        }
        outbox.append(RegistrationEvents.CHECKED_IN, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.AttendeeCheckedIn(eventId, registrationId, registration.attendeeEmail,
                        registration.checkedInAt));
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    @Transactional
    public Placement undoCheckIn(UUID eventId, UUID registrationId) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        Registration registration = find(eventId, registrationId);
        if (registration.checkedInAt == null) {
            throw ProblemException.conflict("not-checked-in", "registration " + registrationId
                    + " is not checked in");
        }
        registration.checkedInAt = null;
        event.checkedInCount--;
        outbox.append(RegistrationEvents.CHECK_IN_UNDONE, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.CheckInUndone(eventId, registrationId, registration.attendeeEmail));
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    /** After the event ends: every confirmed attendee who did not check in is a no-show. Repeatable. */
    @Transactional
    public EventCatalog.EventView closeAttendance(UUID eventId) {
        app.convene.backbone.event.EventAccess access = rules.change(eventId);
        Event event = events.lock(eventId);
        if (clock.instant().isBefore(event.endsAt)) {
            throw ProblemException.conflict("event-not-ended", "event " + eventId + " ends at " + event.endsAt
                    + "; no-shows are recorded after it ends");
        }
        int marked = Registration.update("noShow = true where eventId = ?1 and status = ?2 and checkedInAt is null "
                + "and noShow = false", eventId, RegistrationStatus.CONFIRMED);
        if (event.attendanceClosedAt == null) {
            event.attendanceClosedAt = clock.instant();
        }
        if (marked > 0) {
            event.noShowCount += marked;
            events.announceHeadcount(event);
        }
        return events.view(event, access);
    }

    /** A registration, for an organizer of the event or the attendee it belongs to. */
    public Placement get(UUID eventId, UUID registrationId) {
        Registration registration = rules.registration(eventId, registrationId, false);
        return new Placement(registration,
                registration.status == RegistrationStatus.WAITLISTED ? registration.waitlistPosition() : null);
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

    private static Registration find(UUID eventId, UUID registrationId) {
        Registration registration = Registration.findById(registrationId);
        if (registration == null || !registration.eventId.equals(eventId)) {
            throw ProblemException.notFound("registration", registrationId);
        }
        return registration;
    }
}
