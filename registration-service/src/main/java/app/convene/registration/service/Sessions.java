package app.convene.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.Session;

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
    EntityManager entityManager;
    @Inject
    EventAccessRules rules;

    public record Speaker(String email, String name) {
    }

    public record NewSession(String title, Instant startsAt, Instant endsAt, int capacity, List<Speaker> speakers) {
    }

    public record SessionView(Session session, List<Speaker> speakers) {
    }

    /** A chosen session and whether the registration holds a seat in it. */
    public record Choice(UUID sessionId, String title, String status) {
    }

    @Transactional
    public SessionView create(UUID eventId, NewSession request) {
        rules.change(eventId);
        Event event = events.lock(eventId);
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (request.startsAt().isBefore(event.startsAt) || request.endsAt().isAfter(event.endsAt)) {
            throw ProblemException.invalidField("startsAt", "the session must lie within the event ("
                    + event.startsAt + " to " + event.endsAt + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.speakers().size(); i++) {
            if (!seen.add(request.speakers().get(i).email().toLowerCase())) {
                throw ProblemException.invalidField("speakers[" + i + "].email", "appears twice");
            }
        }
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.eventId = eventId;
        session.title = request.title();
        session.startsAt = request.startsAt();
        session.endsAt = request.endsAt();
        session.capacity = request.capacity();
        session.createdAt = clock.instant();
        session.persistAndFlush();
        for (Speaker speaker : request.speakers()) {
            entityManager.createNativeQuery("insert into session_speaker (session_id, email, name) values (?1, ?2, ?3)")
                    .setParameter(1, session.id).setParameter(2, speaker.email()).setParameter(3, speaker.name())
                    .executeUpdate();
        }
        return new SessionView(session, request.speakers());
    }

    /** The event's sessions, for whoever may read the event. */
    public List<SessionView> list(UUID eventId) {
        rules.read(eventId);
        return sessionsOf(eventId);
    }

    /** The event's sessions, without an access check (the caller checked it). */
    List<SessionView> sessionsOf(UUID eventId) {
        List<Session> sessions = Session.list("eventId = ?1 order by startsAt, title", eventId);
        Map<UUID, List<Speaker>> speakers = speakersOf(sessions.stream().map(s -> s.id).toList());
        return sessions.stream().map(s -> new SessionView(s, speakers.getOrDefault(s.id, List.of()))).toList();
    }

    /** Refuses session ids that are not sessions of the event, naming the first such one. */
    public void requireOfEvent(UUID eventId, List<UUID> sessionIds) {
        for (int i = 0; i < sessionIds.size(); i++) {
            sessionOf(eventId, sessionIds, i);
        }
    }

    /** Records a registration's choices; seated ones take a seat now or the whole registration is refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void choose(UUID eventId, UUID registrationId, List<UUID> sessionIds, boolean seated) {
        for (int i = 0; i < sessionIds.size(); i++) {
            Session session = sessionOf(eventId, sessionIds, i);
            String status = "WAITING";
            if (seated) {
                if (!takeSeat(session.id)) {
                    throw ProblemException.conflict("session-full", "session " + session.id + " (" + session.title
                            + ") has no seat left");
                }
                status = "SEATED";
            }
            entityManager.createNativeQuery(
                    "insert into registration_session (registration_id, session_id, status) values (?1, ?2, ?3)")
                    .setParameter(1, registrationId).setParameter(2, session.id).setParameter(3, status)
                    .executeUpdate();
        }
    }

    /** On promotion: each waiting choice takes a seat if one is left, else it is dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seatWaitingChoices(UUID registrationId) {
        @SuppressWarnings("unchecked")
        List<UUID> waiting = entityManager.createNativeQuery(
                "select session_id from registration_session where registration_id = ?1 and status = 'WAITING'")
                .setParameter(1, registrationId).getResultList();
        for (UUID sessionId : waiting) {
            setChoice(registrationId, sessionId, takeSeat(sessionId) ? "SEATED" : "DROPPED");
        }
    }

    /** On cancellation: seats go back, choices are dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID registrationId) {
        entityManager.createNativeQuery("""
                update session set confirmed_count = confirmed_count - 1 where id in (
                    select session_id from registration_session where registration_id = ?1 and status = 'SEATED')
                """).setParameter(1, registrationId).executeUpdate();
        entityManager.createNativeQuery(
                "update registration_session set status = 'DROPPED' where registration_id = ?1")
                .setParameter(1, registrationId).executeUpdate();
    }

    public List<Choice> choices(UUID registrationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.id, s.title, rs.status from registration_session rs join session s on s.id = rs.session_id
                where rs.registration_id = ?1 order by s.starts_at, s.title
                """).setParameter(1, registrationId).getResultList();
        List<Choice> choices = new ArrayList<>();
        for (Object[] row : rows) {
            choices.add(new Choice((UUID) row[0], (String) row[1], (String) row[2]));
        }
        return choices;
    }

    private static Session sessionOf(UUID eventId, List<UUID> sessionIds, int i) {
        Session session = Session.findById(sessionIds.get(i));
        if (session == null || !session.eventId.equals(eventId)) {
            throw ProblemException.invalidField("sessionIds[" + i + "]", "is not a session of this event");
        }
        return session;
    }

    private boolean takeSeat(UUID sessionId) {
        return entityManager.createNativeQuery(
                "update session set confirmed_count = confirmed_count + 1 where id = ?1 and confirmed_count < capacity")
                .setParameter(1, sessionId).executeUpdate() == 1;
    }

    private void setChoice(UUID registrationId, UUID sessionId, String status) {
        entityManager.createNativeQuery(
                "update registration_session set status = ?3 where registration_id = ?1 and session_id = ?2")
                .setParameter(1, registrationId).setParameter(2, sessionId).setParameter(3, status).executeUpdate();
    }

    private Map<UUID, List<Speaker>> speakersOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select session_id, email, name from session_speaker where session_id in (?1) order by name")
                .setParameter(1, sessionIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                Collectors.mapping(r -> new Speaker((String) r[1], (String) r[2]), Collectors.toList())));
    }
}
