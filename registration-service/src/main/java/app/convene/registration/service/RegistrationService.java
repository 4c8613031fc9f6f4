package app.convene.registration.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;

/**
 * Registrations and cancellations. Every change takes the event's row lock first, so the seat count, the waiting
 * list order and the promotion on cancellation are decided one at a time: never more confirmed than capacity,
 * never two promotions for one freed seat.
 */
@ApplicationScoped
public class RegistrationService {
    @Inject
    EventCatalog events;
    @Inject
    Outbox outbox;

    public record Attendee(String email, String name) {
    }

    /** The registration and, when waitlisted, its position at the time of the answer. */
    public record Placement(Registration registration, Integer waitlistPosition) {
    }

    @Transactional
    public Placement register(UUID eventId, Attendee attendee) {
        Event event = events.lock(eventId);
        Optional<Registration> existing = Registration.findActive(eventId, attendee.email());
        if (existing.isPresent()) {
            throw ProblemException.conflict("already-registered", attendee.email() + " is already registered for "
                    + "event " + eventId + " as registration " + existing.get().id);
        }
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.eventId = eventId;
        registration.attendeeEmail = attendee.email();
        registration.attendeeName = attendee.name();
        registration.registeredAt = Instant.now();
        if (event.hasFreeSeat()) {
            registration.status = RegistrationStatus.CONFIRMED;
            event.confirmedCount++;
        } else {
            registration.status = RegistrationStatus.WAITLISTED;
            registration.waitlistRank = ++event.waitlistCounter;
            event.waitlistedCount++;
        }
        registration.persist();
        Integer position = null;
        if (registration.status == RegistrationStatus.CONFIRMED) {
            outbox.append(RegistrationEvents.CONFIRMED, RegistrationEvents.AGGREGATE, eventId,
                    new RegistrationEvents.RegistrationConfirmed(eventId, registration.id, attendee.email(),
                            attendee.name(), registration.registeredAt));
        } else {
            registration.flush();
            position = registration.waitlistPosition();
            outbox.append(RegistrationEvents.WAITLISTED, RegistrationEvents.AGGREGATE, eventId,
                    new RegistrationEvents.RegistrationWaitlisted(eventId, registration.id, attendee.email(),
                            attendee.name(), position, registration.registeredAt));
        }
        events.announceHeadcount(event);
        return new Placement(registration, position);
    }

    /** Cancels; a freed seat goes at once to the first on the waiting list. */
    @Transactional
    public Placement cancel(UUID eventId, UUID registrationId) {
        Event event = events.lock(eventId);
        Registration registration = find(eventId, registrationId);
        if (registration.status == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("already-cancelled", "registration " + registrationId
                    + " was cancelled at " + registration.cancelledAt);
        }
        RegistrationStatus previous = registration.status;
        Instant now = Instant.now();
        registration.status = RegistrationStatus.CANCELLED;
        registration.waitlistRank = null;
        registration.cancelledAt = now;
        if (previous == RegistrationStatus.CONFIRMED) {
            event.confirmedCount--;
        } else {
            event.waitlistedCount--;
        }
        registration.flush();
        outbox.append(RegistrationEvents.CANCELLED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.RegistrationCancelled(eventId, registrationId, registration.attendeeEmail,
                        previous.name(), now));
        promoteWhileSeatsFree(event, now);
        events.announceHeadcount(event);
        return new Placement(registration, null);
    }

    public Placement get(UUID eventId, UUID registrationId) {
        events.find(eventId);
        Registration registration = find(eventId, registrationId);
        return new Placement(registration,
                registration.status == RegistrationStatus.WAITLISTED ? registration.waitlistPosition() : null);
    }

    private void promoteWhileSeatsFree(Event event, Instant now) {
        while (event.confirmedCount < event.capacity) {
            Optional<Registration> next = Registration.firstWaiting(event.id);
            if (next.isEmpty()) {
                return;
            }
            Registration promoted = next.get();
            promoted.status = RegistrationStatus.CONFIRMED;
            promoted.waitlistRank = null;
            promoted.promotedAt = now;
            promoted.flush();
            event.waitlistedCount--;
            event.confirmedCount++;
            outbox.append(RegistrationEvents.PROMOTED, RegistrationEvents.AGGREGATE, event.id,
                    new RegistrationEvents.RegistrationPromoted(event.id, promoted.id, promoted.attendeeEmail,
                            promoted.attendeeName, now));
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
