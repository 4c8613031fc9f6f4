package app.convene.registration.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
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

    /**
     * Moves a waiting registration to {@code position} (1 = next to be promoted); those between its old and new place
     * move one place along. The ranks they held are dealt out again in the new order, so registrations that join later
     * still come after all of them. Call with the event's row lock held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(Event event, Registration registration, int position) {
        if (registration.status != RegistrationStatus.WAITLISTED) {
            throw ProblemException.conflict("not-waitlisted", "registration " + registration.id + " is "
                    + registration.status + "; only a registration on the waiting list has a place on it");
        }
        List<Object[]> order = registrations.waitingListOrder(event.id);
        if (position > order.size()) {
            throw ProblemException.invalidField("position", "must be at most " + order.size()
                    + ", the length of the waiting list");
        }
        List<UUID> ids = new ArrayList<>(order.stream().map(row -> (UUID) row[0]).toList());
        List<Long> ranks = order.stream().map(row -> ((Number) row[1]).longValue()).toList();
        int from = ids.indexOf(registration.id);
        int to = position - 1;
        if (from == to) {
            return;
        }
        ids.add(to, ids.remove(from));
        int low = Math.min(from, to);
        int high = Math.max(from, to) + 1;
        registrations.rerank(event.id, ids.subList(low, high), ranks.subList(low, high));
        Registration.getEntityManager().refresh(registration);
    }

    /** The registration's place on the waiting list (1 = next to be promoted) while it waits; null otherwise. */
    public Integer positionOf(Registration registration) {
        return registration.status == RegistrationStatus.WAITLISTED ? registrations.waitlistPosition(registration)
                : null;
    }
}
