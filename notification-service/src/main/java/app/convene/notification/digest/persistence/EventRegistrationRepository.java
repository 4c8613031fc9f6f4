package app.convene.notification.digest.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Who holds a registration for each event (table {@code event_registration}, one row per registration). */
@ApplicationScoped
public class EventRegistrationRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Writes the registration's latest status; a cancelled registration keeps CANCELLED whatever comes after it.
     * {@code email} is expected lower-case and trimmed.
     */
    public void upsert(UUID registrationId, UUID eventId, String email, String status, Instant now) {
        entityManager.createNativeQuery("""
                insert into event_registration (registration_id, event_id, attendee_email, status, updated_at)
                values (:r, :e, :email, :status, :now)
                on conflict (registration_id) do update set status = excluded.status, updated_at = excluded.updated_at
                where event_registration.status <> 'CANCELLED'""")
                .setParameter("r", registrationId).setParameter("e", eventId)
                .setParameter("email", email).setParameter("status", status)
                .setParameter("now", now).executeUpdate();
    }

    /** The statuses of every registration {@code email} (lower-case, trimmed) holds for the event. */
    @SuppressWarnings("unchecked")
    public List<String> statusesOf(UUID eventId, String email) {
        return entityManager.createNativeQuery("""
                select status from event_registration
                where event_id = :e and lower(attendee_email) = :email""")
                .setParameter("e", eventId).setParameter("email", email).getResultList();
    }
}
