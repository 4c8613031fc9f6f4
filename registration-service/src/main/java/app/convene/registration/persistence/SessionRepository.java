package app.convene.registration.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.registration.domain.Session;
import app.convene.registration.domain.SessionSpeaker;

/** Reads and writes sessions and their speakers ({@code session}, {@code session_speaker}). */
@ApplicationScoped
public class SessionRepository {
    @Inject
    EntityManager entityManager;

    /** The event's sessions in time order (then title). */
    public List<Session> ofEvent(UUID eventId) {
        return Session.list("eventId = ?1 order by startsAt, title", eventId);
    }

    public void addSpeaker(UUID sessionId, SessionSpeaker speaker) {
        entityManager.createNativeQuery("insert into session_speaker (session_id, email, name) values (?1, ?2, ?3)")
                .setParameter(1, sessionId).setParameter(2, speaker.email()).setParameter(3, speaker.name())
                .executeUpdate();
    }

    /** The speakers of these sessions, by session, each list in name order. */
    public Map<UUID, List<SessionSpeaker>> speakersOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select session_id, email, name from session_speaker where session_id in (?1) order by name")
                .setParameter(1, sessionIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                Collectors.mapping(r -> new SessionSpeaker((String) r[1], (String) r[2]), Collectors.toList())));
    }
}
