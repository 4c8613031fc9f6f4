package app.convene.registration.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.registration.domain.SessionChoice;

/**
 * The seats of sessions and the choices registrations made ({@code session.confirmed_count},
 * {@code registration_session}). A seat is taken only by a conditional update, never beyond the capacity.
 */
@ApplicationScoped
public class SessionSeats {
    public static final String SEATED = "SEATED";
    public static final String WAITING = "WAITING";
    public static final String DROPPED = "DROPPED";

    @Inject
    EntityManager entityManager;

    /** Takes a seat in the session if one is left and it was not cancelled; whether it did. */
    public boolean take(UUID sessionId) {
        return entityManager.createNativeQuery("""
                update session set confirmed_count = confirmed_count + 1
                where id = ?1 and confirmed_count < capacity and cancelled_at is null""")
                .setParameter(1, sessionId).executeUpdate() == 1;
    }

    public void addChoice(UUID registrationId, UUID sessionId, String status) {
        entityManager.createNativeQuery(
                "insert into registration_session (registration_id, session_id, status) values (?1, ?2, ?3)")
                .setParameter(1, registrationId).setParameter(2, sessionId).setParameter(3, status)
                .executeUpdate();
    }

    /** The sessions the registration chose and waits for a seat in. */
    public List<UUID> waitingChoices(UUID registrationId) {
        @SuppressWarnings("unchecked")
        List<UUID> waiting = entityManager.createNativeQuery(
                "select session_id from registration_session where registration_id = ?1 and status = 'WAITING'")
                .setParameter(1, registrationId).getResultList();
        return waiting;
    }

    public void setChoice(UUID registrationId, UUID sessionId, String status) {
        entityManager.createNativeQuery(
                "update registration_session set status = ?3 where registration_id = ?1 and session_id = ?2")
                .setParameter(1, registrationId).setParameter(2, sessionId).setParameter(3, status).executeUpdate();
    }

    /** The status of each session the registration ever chose (DROPPED ones included). */
    public Map<UUID, String> statusesOf(UUID registrationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select session_id, status from registration_session where registration_id = ?1")
                .setParameter(1, registrationId).getResultList();
        Map<UUID, String> statuses = new HashMap<>();
        for (Object[] row : rows) {
            statuses.put((UUID) row[0], (String) row[1]);
        }
        return statuses;
    }

    /** Gives back one seat of the session (its holder let it go). */
    public void returnSeat(UUID sessionId) {
        entityManager.createNativeQuery("update session set confirmed_count = confirmed_count - 1 where id = ?1")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** Gives back the seats the registration holds. */
    public void returnSeats(UUID registrationId) {
        entityManager.createNativeQuery("""
                update session set confirmed_count = confirmed_count - 1 where id in (
                    select session_id from registration_session where registration_id = ?1 and status = 'SEATED')
                """).setParameter(1, registrationId).executeUpdate();
    }

    /** Drops every choice of the registration. */
    public void dropChoices(UUID registrationId) {
        entityManager.createNativeQuery(
                "update registration_session set status = 'DROPPED' where registration_id = ?1")
                .setParameter(1, registrationId).executeUpdate();
    }

    /**
     * Cancels the session: every choice of it that holds or waits for a seat is dropped and its seats are given back;
     * answers the registrations whose choice it dropped. Nothing when it was cancelled already (then empty).
     */
    public java.util.Optional<List<UUID>> cancel(UUID sessionId, java.time.Instant at) {
        int cancelled = entityManager.createNativeQuery("""
                update session set confirmed_count = 0, cancelled_at = ?2 where id = ?1 and cancelled_at is null""")
                .setParameter(1, sessionId).setParameter(2, at).executeUpdate();
        if (cancelled == 0) {
            return java.util.Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> dropped = entityManager.createNativeQuery("""
                update registration_session set status = 'DROPPED'
                where session_id = ?1 and status in ('SEATED', 'WAITING') returning registration_id""")
                .setParameter(1, sessionId).getResultList();
        return java.util.Optional.of(dropped);
    }

    /** The registration's choices, in the sessions' time order (then title). */
    public List<SessionChoice> choicesOf(UUID registrationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.id, s.title, rs.status from registration_session rs join session s on s.id = rs.session_id
                where rs.registration_id = ?1 order by s.starts_at, s.title
                """).setParameter(1, registrationId).getResultList();
        List<SessionChoice> choices = new ArrayList<>();
        for (Object[] row : rows) {
            choices.add(new SessionChoice((UUID) row[0], (String) row[1], (String) row[2]));
        }
        return choices;
    }
}
