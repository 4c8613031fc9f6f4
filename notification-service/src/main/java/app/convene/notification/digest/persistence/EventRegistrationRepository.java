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

    /** A registration as kept here: the attendee's address (lower-case), language (null when none was given), status. */
    public record Held(UUID registrationId, UUID eventId, String email, String language, String status) {
    }

    /**
     * Writes the registration's latest status and, when given, the attendee's language, and answers the row as it now
     * stands, in one statement; a cancelled registration keeps CANCELLED (and its time) whatever comes after it.
     * {@code email} is expected lower-case and trimmed; {@code language} and {@code ticketCode} may be null (the row
     * keeps the one it has).
     */
    public Held upsert(UUID registrationId, UUID eventId, String email, String status, String language,
            String ticketCode, Instant now) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                insert into event_registration (registration_id, event_id, attendee_email, status, language,
                                                ticket_code, updated_at)
                values (:r, :e, :email, :status, cast(:language as text), cast(:ticket as text), :now)
                on conflict (registration_id) do update set
                    status = case when event_registration.status = 'CANCELLED' then 'CANCELLED'
                                  else excluded.status end,
                    updated_at = case when event_registration.status = 'CANCELLED' then event_registration.updated_at
                                      else excluded.updated_at end,
                    language = coalesce(excluded.language, event_registration.language),
                    ticket_code = coalesce(excluded.ticket_code, event_registration.ticket_code)
                returning registration_id, event_id, attendee_email, language, status""")
                .setParameter("r", registrationId).setParameter("e", eventId)
                .setParameter("email", email).setParameter("status", status).setParameter("language", language)
                .setParameter("ticket", ticketCode).setParameter("now", now).getSingleResult();
        return new Held((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }

    /**
     * A registration's attendee now has another address or language (and, with a new address, another ticket): the
     * row as it was ({@code null} when it was not kept here: it is then kept as announced) and as it now is. A new
     * address starts with reminders on. The row is locked while it is read and written.
     */
    public Changed changeAttendee(UUID registrationId, UUID eventId, String email, String status, String language,
            String ticketCode, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select registration_id, event_id, attendee_email, language, status from event_registration
                where registration_id = :r for update""").setParameter("r", registrationId).getResultList();
        if (rows.isEmpty()) {
            return new Changed(null, upsert(registrationId, eventId, email, status, language, ticketCode, now));
        }
        Object[] row = rows.get(0);
        Held before = new Held((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4]);
        entityManager.createNativeQuery("""
                update event_registration set attendee_email = :email, language = coalesce(cast(:language as text),
                    language), ticket_code = coalesce(cast(:ticket as text), ticket_code), updated_at = :now,
                    reminders_unsubscribed_at = case when attendee_email = :email then reminders_unsubscribed_at end
                where registration_id = :r""").setParameter("email", email).setParameter("language", language)
                .setParameter("ticket", ticketCode).setParameter("now", now).setParameter("r", registrationId).executeUpdate();
        return new Changed(before, new Held(before.registrationId(), before.eventId(), email,
                language != null ? language : before.language(), before.status()));
    }

    /** A registration's row before and after a change of its attendee; {@code before} null when it was not kept. */
    public record Changed(Held before, Held after) {
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
