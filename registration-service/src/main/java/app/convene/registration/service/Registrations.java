package app.convene.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Conflict;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.domain.SessionChoice;
import app.convene.registration.persistence.RegistrationRepository;
import app.convene.registration.travel.service.TravelNeeds;

/**
 * Registrations, cancellations and check-in. Every change holds the event's row lock, so the seat count, the waiting
 * list order and the promotion on cancellation are decided one at a time: never more confirmed than the seats, never
 * two promotions for one freed seat. A registration takes the lock as late as it can ({@link Placements}); the others
 * lock the event first. The caller's role decides what the rules allow: the event's owner, co-organizers and delegates
 * register anyone at any time and always cancel; an attendee acts for itself within the event's terms.
 */
@ApplicationScoped
public class Registrations {
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Placements placements;
    @Inject
    EventCatalog events;
    @Inject
    WaitingList waitingList;
    @Inject
    Outbox outbox;
    @Inject
    Sessions sessions;
    @Inject
    Conflicts conflicts;
    @Inject
    EventAccessRules rules;
    @Inject
    RegistrationRepository registrations;
    @Inject
    TravelNeeds travelNeeds;

    public record Attendee(String email, String name, String organisation, Map<String, Object> answers,
            String language) {
        public Attendee(String email, String name, String organisation, Map<String, Object> answers) {
            this(email, name, organisation, answers, null);
        }
    }

    /**
     * A registration and, when waitlisted, its position at the time of the answer. A registration's own answer (on
     * registering and reading it) also lists its chosen sessions and, for organizers, its clashes with other
     * commitments; elsewhere both are null.
     */
    public record Placement(Registration registration, Integer waitlistPosition, List<SessionChoice> sessions,
            List<Conflict> warnings) {
        public Placement(Registration registration, Integer waitlistPosition) {
            this(registration, waitlistPosition, null, null);
        }
    }

    /** A booker's group as placed: its id, the status all its members share, and each registration. */
    public record Group(UUID groupId, RegistrationStatus status, List<Placement> registrations) {
    }

    /**
     * Registers one attendee: an attendee token only itself, the event's owner, co-organizers and delegates anyone.
     * The answer's clashes are read before the placement and its sessions are the ones just chosen, so nothing is read
     * for the answer while the event's row lock is held (an audited change commits only once it is answered).
     */
    public Placement register(UUID eventId, Attendee attendee, List<UUID> sessionIds) {
        return placements.register(eventId, attendee, sessionIds, caller.isOrganizer());
    }

    /** Registers a booker's group (the event's owner, co-organizers and delegates only), answered as one. */
    public Group registerGroup(UUID eventId, List<Attendee> attendees, List<UUID> sessionIds) {
        List<Placement> placed = placements.registerGroup(eventId, attendees, sessionIds, caller.isOrganizer());
        Registration first = placed.get(0).registration();
        return new Group(first.groupId, first.status, placed);
    }

    /** A registration with its sessions and clashes, for an organizer of the event or the attendee it belongs to. */
    public Placement get(UUID eventId, UUID registrationId) {
        Registration registration = rules.registration(eventId, registrationId, false);
        return detailed(new Placement(registration, waitingList.positionOf(registration)), true);
    }

    /** A registration's answer as it now stands (after a change committed): its sessions and clashes. */
    public Placement shown(Registration registration) {
        return detailed(new Placement(registration, waitingList.positionOf(registration)), true);
    }

    /**
     * Cancels; a freed seat goes at once to the first on the waiting list. After the event's cancellation deadline
     * its policy applies to attendees: refused, or accepted and counted as late. Organizers may always cancel.
     */
    @Transactional
    public Placement cancel(UUID eventId, UUID registrationId) {
        boolean byOrganizer = caller.isOrganizer();
        rules.registration(eventId, registrationId, true);
        Event event = events.lock(eventId);
        Registration registration = EventAccessRules.find(eventId, registrationId);
        // Read again under the event's lock: a cancellation that committed since the access check read it counts.
        Registration.getEntityManager().refresh(registration);
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
                        previous.name(), now, registration.lateCancellation,
                        registration.language));
        waitingList.promoteWhileSeatsFree(event, now);
        events.announceHeadcount(event);
        // The cancelled attendee's travel no longer counts; a promoted one's now does.
        travelNeeds.announceIfChanged(event);
        return new Placement(registration, null);
    }

    @Transactional
    public Placement checkIn(UUID eventId, UUID registrationId) {
        Held held = lockForChange(eventId, registrationId);
        Event event = held.event();
        Registration registration = held.registration();
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
                new RegistrationEvents.AttendeeCheckedIn(eventId, registrationId, registration.checkedInAt));
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    /**
     * The door scanned a ticket: its holder is checked in as {@link #checkIn} does. A ticket no registration of the
     * event holds is not found; a refusal names the holder, for the door to tell them.
     */
    @Transactional
    public Placement checkInByTicket(UUID eventId, String ticketCode) {
        rules.change(eventId);
        // The holder's id only: a registration loaded here, before the event's lock, would be the one the lock's
        // read returns, as it was before a concurrent scan of the same ticket committed its check-in.
        UUID holderId = registrations.holderOfTicket(eventId, ticketCode)
                .orElseThrow(() -> new ProblemException(404, "ticket-not-found", "No such ticket",
                        "no registration of event " + eventId + " holds ticket " + ticketCode + "; a place transferred "
                                + "or moved to another address has a new ticket"));
        try {
            return checkIn(eventId, holderId);
        } catch (ProblemException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            Registration now = Registration.findById(holderId);
            String who = now.attendeeName + " <" + now.attendeeEmail + ">";
            throw now.checkedInAt != null
                    ? ProblemException.conflict("already-checked-in", who + " checked in at " + now.checkedInAt)
                    : ProblemException.conflict("not-confirmed", who + " is " + now.status
                            + "; only confirmed attendees check in");
        }
    }

    @Transactional
    public Placement undoCheckIn(UUID eventId, UUID registrationId) {
        Held held = lockForChange(eventId, registrationId);
        Event event = held.event();
        Registration registration = held.registration();
        if (registration.checkedInAt == null) {
            throw ProblemException.conflict("not-checked-in", "registration " + registrationId
                    + " is not checked in");
        }
        registration.checkedInAt = null;
        event.checkedInCount--;
        outbox.append(RegistrationEvents.CHECK_IN_UNDONE, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.CheckInUndone(eventId, registrationId));
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    /** After the event ends: every confirmed attendee who did not check in is a no-show. Repeatable. */
    @Transactional
    public EventCatalog.EventView closeAttendance(UUID eventId) {
        EventAccess access = rules.change(eventId);
        Event event = events.lock(eventId);
        if (clock.instant().isBefore(event.endsAt)) {
            throw ProblemException.conflict("event-not-ended", "event " + eventId + " ends at " + event.endsAt
                    + "; no-shows are recorded after it ends");
        }
        int marked = registrations.markNoShows(eventId);
        if (event.attendanceClosedAt == null) {
            event.attendanceClosedAt = clock.instant();
        }
        if (marked > 0) {
            event.noShowCount += marked;
            events.announceHeadcount(event);
        }
        return events.view(event, access);
    }

    private record Held(Event event, Registration registration) {
    }

    /**
     * Moves a registration on the waiting list to {@code position} (1 = next to be promoted): the event's owner,
     * co-organizers and delegates give a seat's next turn to whom they choose (a speaker's colleague, a VIP).
     */
    @Transactional
    public Placement moveOnWaitingList(UUID eventId, UUID registrationId, int position) {
        Held held = lockForChange(eventId, registrationId);
        Registration registration = held.registration();
        // Read again under the event's lock: a promotion or cancellation that committed since counts.
        Registration.getEntityManager().refresh(registration);
        waitingList.moveTo(held.event(), registration, position);
        return new Placement(registration, waitingList.positionOf(registration));
    }

    /** Checks the caller may change the event, locks it and finds the registration. */
    private Held lockForChange(UUID eventId, UUID registrationId) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        return new Held(event, EventAccessRules.find(eventId, registrationId));
    }

    /** A registration's own answer: without session choices there are none to read and none to clash. */
    private Placement detailed(Placement placement, boolean hasSessions) {
        Registration r = placement.registration();
        return new Placement(r, placement.waitlistPosition(), hasSessions ? sessions.choices(r.id) : List.of(),
                conflicts.forAttendee(r.eventId, r.attendeeEmail, hasSessions));
    }
}
