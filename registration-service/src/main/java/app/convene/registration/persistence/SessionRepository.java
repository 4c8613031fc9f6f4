package app.convene.registration.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Moves every session of the event by {@code by} (microseconds, as stored). */
    public void shift(UUID eventId, Duration by) {
        entityManager.createNativeQuery("""
                update session set starts_at = starts_at + cast(?2 as bigint) * interval '1 microsecond',
                                   ends_at = ends_at + cast(?2 as bigint) * interval '1 microsecond'
                where event_id = ?1""")
                .setParameter(1, eventId).setParameter(2, by.toNanos() / 1_000).executeUpdate();
    }

    /** The event's first session (by start) that does not lie within these times, if any. */
    public Optional<Session> firstOutside(UUID eventId, Instant startsAt, Instant endsAt) {
        return Session.find("eventId = ?1 and (startsAt < ?2 or endsAt > ?3) order by startsAt, title", eventId,
                startsAt, endsAt).firstResultOptional();
    }

    /**
     * Sets a session's terms when its capacity still holds the seats taken (a conditional update, so a seat taken
     * meanwhile is counted); whether it did.
     */
    public boolean change(UUID sessionId, String title, Instant startsAt, Instant endsAt, int capacity) {
        return entityManager.createNativeQuery("""
                update session set title = ?2, starts_at = ?3, ends_at = ?4, capacity = ?5
                where id = ?1 and confirmed_count <= ?5""")
                .setParameter(1, sessionId).setParameter(2, title).setParameter(3, startsAt)
                .setParameter(4, endsAt).setParameter(5, capacity).executeUpdate() == 1;
    }

    /** Replaces the session's speakers. */
    public void replaceSpeakers(UUID sessionId, List<SessionSpeaker> speakers) {
        entityManager.createNativeQuery("delete from session_speaker where session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
        for (SessionSpeaker speaker : speakers) {
            addSpeaker(sessionId, speaker);
        }
    }
}
