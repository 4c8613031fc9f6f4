package app.convene.registration.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.persistence.RegistrationRepository;

/** The waiting list: freed or added seats go to those waiting, in arrival order, each exactly once. */
@ApplicationScoped
public class WaitingList {
    @Inject
    Outbox outbox;
    @Inject
    Sessions sessions;
    @Inject
    RegistrationRepository registrations;

    /** Call with the event's row lock held, after anything that may have freed seats. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int promoteWhileSeatsFree(Event event, Instant now) {
        int promotedCount = 0;
        if (event.status == EventStatus.CANCELLED) {
            return 0;
        }
        while (event.confirmedCount < event.effectiveCapacity()) {
            Optional<Registration> next = registrations.firstWaiting(event.id);
            if (next.isEmpty()) {
                break;
            }
            Registration promoted = next.get();
            promoted.status = RegistrationStatus.CONFIRMED;
            promoted.waitlistRank = null;
            promoted.promotedAt = now;
            promoted.flush();
            sessions.seatWaitingChoices(promoted.id);
            event.waitlistedCount--;
            event.confirmedCount++;
            promotedCount++;
            outbox.append(RegistrationEvents.PROMOTED, RegistrationEvents.AGGREGATE, event.id,
                    new RegistrationEvents.RegistrationPromoted(event.id, promoted.id, promoted.attendeeEmail, now,
                            promoted.language, promoted.ticketCode));
        }
        return promotedCount;
    }

    /** The registration's place on the waiting list (1 = next to be promoted) while it waits; null otherwise. */
    public Integer positionOf(Registration registration) {
        return registration.status == RegistrationStatus.WAITLISTED ? registrations.waitlistPosition(registration)
                : null;
    }
}
