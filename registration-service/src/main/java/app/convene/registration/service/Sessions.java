package app.convene.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import app.convene.registration.domain.Session;
import app.convene.registration.domain.SessionChoice;
import app.convene.registration.domain.SessionSpeaker;
import app.convene.registration.persistence.SessionRepository;
import app.convene.registration.persistence.SessionSeats;

/**
 * Sessions and the seats registrations hold in them. A seat is held only by a confirmed registration and taken
 * with a conditional update (never more than the session's capacity); a waitlisted registration's choices wait
 * for its promotion.
 */
@ApplicationScoped
public class Sessions {
    @Inject
    Clock clock;
    @Inject
    EventCatalog events;
    @Inject
    EventAccessRules rules;
    @Inject
    SessionRepository repository;
    @Inject
    SessionSeats seats;
    @Inject
    Outbox outbox;

    public record NewSession(String title, Instant startsAt, Instant endsAt, int capacity,
            List<SessionSpeaker> speakers) {
    }

    public record SessionView(Session session, List<SessionSpeaker> speakers) {
    }

    @Transactional
    public SessionView create(UUID eventId, NewSession request) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        requireWithin(event, request.startsAt(), request.endsAt());
        requireDistinct(request.speakers());
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.eventId = eventId;
        session.title = request.title();
        session.startsAt = request.startsAt();
        session.endsAt = request.endsAt();
        session.capacity = request.capacity();
        session.createdAt = clock.instant();
        session.persistAndFlush();
        for (SessionSpeaker speaker : request.speakers()) {
            repository.addSpeaker(session.id, speaker);
        }
        return new SessionView(session, request.speakers());
    }

    /** What a change of a session names; a field left null keeps its value, speakers given replace them all. */
    public record SessionChanges(String title, Instant startsAt, Instant endsAt, Integer capacity,
            List<SessionSpeaker> speakers) {
    }

    /**
     * Changes a session of a live event: its title, times (still within the event), capacity (never below the seats
     * held: a seat taken meanwhile counts) and speakers. Seats held and choices made stay as they are.
     */
    @Transactional
    public SessionView change(UUID eventId, UUID sessionId, SessionChanges changes) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        EventCatalog.requireNotCancelled(event);
        Session session = sessionOfEvent(eventId, sessionId);
        requireNotCancelled(session);
        Instant startsAt = changes.startsAt() != null ? changes.startsAt() : session.startsAt;
        Instant endsAt = changes.endsAt() != null ? changes.endsAt() : session.endsAt;
        requireWithin(event, startsAt, endsAt);
        int capacity = changes.capacity() != null ? changes.capacity() : session.capacity;
        if (changes.speakers() != null) {
            requireDistinct(changes.speakers());
        }
        if (!repository.change(sessionId, changes.title() != null ? changes.title() : session.title, startsAt, endsAt,
                capacity)) {
            Session.getEntityManager().refresh(session);
            throw ProblemException.conflict("session-seats-held", "capacity " + capacity + " is below the "
                    + session.confirmedCount + " seats held in session " + sessionId + " (" + session.title
                    + "); it may go down to the seats held, and lower as their holders cancel");
        }
        if (changes.speakers() != null) {
            repository.replaceSpeakers(sessionId, changes.speakers());
        }
        Session.getEntityManager().refresh(session);
        return new SessionView(session, repository.speakersOf(List.of(sessionId)).getOrDefault(sessionId,
                List.of()));
    }

    /**
     * Cancels a session of a live event (its speaker fell ill, its room is lost): it stays listed with the time it was
     * cancelled, gives back every seat held in it and drops every choice of it (the registrations stand), and takes
     * no choices from then on. Announced with the registrations whose choice it dropped, so they are told.
     */
    @Transactional
    public SessionView cancel(UUID eventId, UUID sessionId) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        EventCatalog.requireNotCancelled(event);
        Session session = sessionOfEvent(eventId, sessionId);
        requireNotCancelled(session);
        Instant now = clock.instant();
        // Every seat of the event's sessions is taken and given back under the event's lock: none moves meanwhile.
        List<UUID> dropped = seats.cancel(sessionId, now).orElseThrow(() -> cancelled(session));
        Session.getEntityManager().refresh(session);
        outbox.append(RegistrationEvents.SESSION_CANCELLED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.SessionCancelled(eventId, sessionId, session.title, session.startsAt,
                        session.endsAt, dropped, now));
        return new SessionView(session, repository.speakersOf(List.of(sessionId)).getOrDefault(sessionId,
                List.of()));
    }

    private static Session sessionOfEvent(UUID eventId, UUID sessionId) {
        Session session = Session.findById(sessionId);
        if (session == null || !session.eventId.equals(eventId)) {
            throw ProblemException.notFound("session", sessionId);
        }
        return session;
    }

    private static void requireNotCancelled(Session session) {
        if (session.cancelledAt != null) {
            throw cancelled(session);
        }
    }

    private static ProblemException cancelled(Session session) {
        return ProblemException.conflict("session-cancelled", "session " + session.id + " (" + session.title
                + ") was cancelled at " + session.cancelledAt + " and can no longer change");
    }

    private static void requireWithin(Event event, Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (startsAt.isBefore(event.startsAt) || !startsAt.isBefore(event.endsAt)) {
            throw ProblemException.invalidField("startsAt", "must be within the event; the session must lie within "
                    + "the event (" + event.startsAt + " to " + event.endsAt + ")");
        }
        if (endsAt.isAfter(event.endsAt)) {
            throw ProblemException.invalidField("endsAt", "must not be after the event's end; the session must lie "
                    + "within the event (" + event.startsAt + " to " + event.endsAt + ")");
        }
    }

    private static void requireDistinct(List<SessionSpeaker> speakers) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < speakers.size(); i++) {
            if (!seen.add(speakers.get(i).email().toLowerCase())) {
                throw ProblemException.invalidField("speakers[" + i + "].email", "appears twice");
            }
        }
    }

    /** The event's sessions, for whoever may read the event. */
    public List<SessionView> list(UUID eventId) {
        rules.read(eventId);
        return sessionsOf(eventId);
    }

    /** One session of the event, for whoever may read the event; a session of another event is a 404. */
    public SessionView find(UUID eventId, UUID sessionId) {
        rules.read(eventId);
        return sessionsOf(eventId).stream().filter(view -> view.session().id.equals(sessionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("session", sessionId));
    }

    /** The event's sessions, without an access check (the caller checked it). */
    List<SessionView> sessionsOf(UUID eventId) {
        List<Session> sessions = repository.ofEvent(eventId);
        Map<UUID, List<SessionSpeaker>> speakers = repository.speakersOf(sessions.stream().map(s -> s.id).toList());
        return sessions.stream().map(s -> new SessionView(s, speakers.getOrDefault(s.id, List.of()))).toList();
    }

    /** Refuses session ids that are not sessions of the event, naming the first such one. */
    public void requireOfEvent(UUID eventId, List<UUID> sessionIds) {
        for (int i = 0; i < sessionIds.size(); i++) {
            sessionOf(eventId, sessionIds, i, false);
        }
    }

    /**
     * Records a registration's choices; seated ones take a seat now or the whole registration is refused. Answers
     * the choices as {@link #choices} reads them: by start, then title.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SessionChoice> choose(UUID eventId, UUID registrationId, List<UUID> sessionIds, boolean seated) {
        List<Session> chosen = new ArrayList<>();
        Map<UUID, String> statuses = new HashMap<>();
        for (int i = 0; i < sessionIds.size(); i++) {
            Session session = sessionOf(eventId, sessionIds, i, false);
            String status = SessionSeats.WAITING;
            if (seated) {
                // The seat statement takes none in a session cancelled since the check before the lock; only when it
                // refuses is the session read again, to say why.
                if (!seats.take(session.id)) {
                    sessionOf(eventId, sessionIds, i, true);
                    throw ProblemException.conflict("session-full", "session " + session.id + " (" + session.title
                            + ") has no seat left");
                }
                status = SessionSeats.SEATED;
            } else {
                // A choice that waits takes no seat now: read the session as it is under the event's lock.
                sessionOf(eventId, sessionIds, i, true);
            }
            seats.addChoice(registrationId, session.id, status);
            chosen.add(session);
            statuses.put(session.id, status);
        }
        return chosen.stream().sorted(Comparator.comparing((Session s) -> s.startsAt).thenComparing(s -> s.title))
                .map(s -> new SessionChoice(s.id, s.title, statuses.get(s.id))).toList();
    }

    /**
     * The attendee (or a member of the event) changes which sessions the registration attends: sessions left go
     * back (a seat held is given back), sessions added take a seat now when the registration is confirmed (a full one
     * refuses the whole change: 409 {@code session-full}, nothing changes) or wait for its promotion. Sessions kept
     * keep their seat. Serialised with the event's other changes of seats by its lock.
     */
    @Transactional
    public void rechoose(UUID eventId, UUID registrationId, List<UUID> sessionIds) {
        Registration registration = rules.registration(eventId, registrationId, true);
        Event event = events.lock(eventId);
        // Read again under the lock: a cancellation or promotion committed meanwhile is seen.
        Registration.getEntityManager().refresh(registration);
        EventCatalog.requireNotCancelled(event);
        if (registration.status == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("registration-cancelled", "registration " + registrationId
                    + " was cancelled at " + registration.cancelledAt + "; it attends no session");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < sessionIds.size(); i++) {
            if (!seen.add(sessionIds.get(i))) {
                throw ProblemException.invalidField("sessionIds[" + i + "]", "appears twice");
            }
        }
        for (int i = 0; i < sessionIds.size(); i++) {
            sessionOf(eventId, sessionIds, i, true);
        }
        Map<UUID, String> current = seats.statusesOf(registrationId);
        for (Map.Entry<UUID, String> choice : current.entrySet()) {
            if (!seen.contains(choice.getKey()) && !SessionSeats.DROPPED.equals(choice.getValue())) {
                if (SessionSeats.SEATED.equals(choice.getValue())) {
                    seats.returnSeat(choice.getKey());
                }
                seats.setChoice(registrationId, choice.getKey(), SessionSeats.DROPPED);
            }
        }
        boolean seated = registration.status == RegistrationStatus.CONFIRMED;
        for (UUID sessionId : sessionIds) {
            String status = current.get(sessionId);
            if (status != null && !SessionSeats.DROPPED.equals(status)) {
                continue;
            }
            if (seated && !seats.take(sessionId)) {
                Session session = Session.findById(sessionId);
                throw ProblemException.conflict("session-full", "session " + sessionId + " (" + session.title
                        + ") has no seat left; the registration's sessions are unchanged");
            }
            String chosen = seated ? SessionSeats.SEATED : SessionSeats.WAITING;
            if (status == null) {
                seats.addChoice(registrationId, sessionId, chosen);
            } else {
                seats.setChoice(registrationId, sessionId, chosen);
            }
        }
    }

    /** On promotion: each waiting choice takes a seat if one is left, else it is dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seatWaitingChoices(UUID registrationId) {
        for (UUID sessionId : seats.waitingChoices(registrationId)) {
            seats.setChoice(registrationId, sessionId, seats.take(sessionId) ? SessionSeats.SEATED
                    : SessionSeats.DROPPED);
        }
    }

    /** On cancellation: seats go back, choices are dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID registrationId) {
        seats.returnSeats(registrationId);
        seats.dropChoices(registrationId);
    }

    public List<SessionChoice> choices(UUID registrationId) {
        return seats.choicesOf(registrationId);
    }

    /** The session {@code sessionIds[i]} of the event, read again from the database when {@code now}. */
    private static Session sessionOf(UUID eventId, List<UUID> sessionIds, int i, boolean now) {
        Session session = Session.findById(sessionIds.get(i));
        if (session == null || !session.eventId.equals(eventId)) {
            throw ProblemException.invalidField("sessionIds[" + i + "]", "is not a session of this event");
        }
        if (now) {
            Session.getEntityManager().refresh(session);
        }
        if (session.cancelledAt != null) {
            throw ProblemException.invalidField("sessionIds[" + i + "]", "is a cancelled session ("
                    + session.title + "); choose another");
        }
        return session;
    }
}
