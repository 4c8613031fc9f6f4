package app.convene.registration.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Event;

/** Schedules events and announces their headcount. */
@ApplicationScoped
public class EventCatalog {
    @Inject
    Outbox outbox;

    public record NewEvent(String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            int capacity) {
    }

    @Transactional
    public Event schedule(NewEvent request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Stockholm");
        }
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.title = request.title();
        event.description = request.description();
        event.startsAt = request.startsAt();
        event.endsAt = request.endsAt();
        event.timeZone = request.timeZone();
        event.capacity = request.capacity();
        event.createdAt = Instant.now();
        event.persist();
        outbox.append(RegistrationEvents.EVENT_SCHEDULED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.EventScheduled(event.id, event.title, event.startsAt, event.endsAt,
                        event.timeZone, event.capacity));
        announceHeadcount(event);
        return event;
    }

    public Event find(UUID eventId) {
        Event event = Event.findById(eventId);
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return event;
    }

    /** The event with its row locked: every change of its counts is serialised through this lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(UUID eventId) {
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return event;
    }

    /** Bumps the sequence and announces the event's counts; call after every change of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceHeadcount(Event event) {
        event.headcountSequence++;
        outbox.append(RegistrationEvents.HEADCOUNT_CHANGED, RegistrationEvents.AGGREGATE, event.id,
                new RegistrationEvents.HeadcountChanged(event.id, event.headcountSequence, event.capacity,
                        event.confirmedCount, event.waitlistedCount, event.checkedInCount, event.noShowCount));
    }
}
