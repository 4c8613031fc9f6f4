package app.convene.notification.attendee.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.convene.backbone.outbox.GatheredWrites;

import app.convene.notification.attendee.domain.AttendeeEvent;
import app.convene.notification.delivery.domain.Delivery;

/**
 * Attendee mail's SQL: its per-event settings ({@code attendee_event}), the attendees it writes to (the copy of
 * their registrations, {@code event_registration}), its deliveries (one per registration, kind and fact) and the
 * personal links that stop reminders.
 */
@ApplicationScoped
public class AttendeeMailRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    GatheredWrites writes;

    /** The attendee mails a transaction adds, written together ({@link #insertOnceWithOthers}). */
    private final GatheredWrites.RowBatch<Delivery> mails = AttendeeMailRepository::insertAll;

    /**
     * An attendee as mail needs them: a registration, its address and language (null: the event's), and, where the
     * mail shows it, the ticket the registration holds (null otherwise).
     */
    public record Attendee(UUID registrationId, UUID eventId, String email, String language, String status,
            String ticketCode) {
        public Attendee(UUID registrationId, UUID eventId, String email, String language, String status) {
            this(registrationId, eventId, email, language, status, null);
        }
    }

    /**
     * The event's settings, locked, created with the defaults when missing. Locked first: a known event takes one
     * statement, and a poll's further records about it find it held.
     */
    public AttendeeEvent lockOrCreate(UUID eventId) {
        AttendeeEvent event = lockForUpdate(eventId);
        if (event == null) {
            // The digest's row too (mail and settings refer to it), which the read model fills at its own pace. It is
            // inserted only when missing: an insert meeting an existing row that another transaction is changing waits
            // for that transaction, and the read model's consumer holds its digest's row through each of its polls.
            entityManager.createNativeQuery("""
                    with digest as (
                        insert into event_digest (event_id, updated_at)
                        select :e, now() where not exists (select 1 from event_digest where event_id = :e)
                        on conflict do nothing)
                    insert into attendee_event (event_id) values (:e) on conflict (event_id) do nothing""")
                    .setParameter("e", eventId).executeUpdate();
            event = lockForUpdate(eventId);
        }
        return event;
    }

    private AttendeeEvent lockForUpdate(UUID eventId) {
        return entityManager.find(AttendeeEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    public AttendeeEvent find(UUID eventId) {
        return entityManager.find(AttendeeEvent.class, eventId);
    }

    /** The event's attendees holding one of {@code statuses}, oldest first. */
    public List<Attendee> attendees(UUID eventId, List<String> statuses) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select registration_id, event_id, attendee_email, language, status from event_registration
                where event_id = :e and status in (:statuses) order by updated_at, registration_id""")
                .setParameter("e", eventId).setParameter("statuses", statuses).getResultList();
        return rows.stream().map(AttendeeMailRepository::attendee).toList();
    }

    /** These registrations of the event, where they are still held (confirmed or waitlisted), oldest first. */
    public List<Attendee> holding(UUID eventId, List<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select registration_id, event_id, attendee_email, language, status from event_registration
                where event_id = :e and registration_id = any(cast(:ids as uuid[]))
                  and status in ('CONFIRMED', 'WAITLISTED')
                order by updated_at, registration_id""")
                .setParameter("e", eventId).setParameter("ids", registrationIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream().map(AttendeeMailRepository::attendee).toList();
    }

    /**
     * Confirmed attendees due a reminder at {@code now}, with their tickets: the event (not cancelled) starts within its
     * reminder interval, they did not stop reminders, and no reminder for this start exists yet. At most {@code limit}.
     */
    public List<Attendee> dueReminders(Instant now, int limit) {
        return due("""
                select g.registration_id, g.event_id, g.attendee_email, g.language, g.status, g.ticket_code
                from event_registration g
                join attendee_event e on e.event_id = g.event_id
                where g.status = 'CONFIRMED' and g.reminders_unsubscribed_at is null
                  and g.attendee_email not like '%@erased.invalid'
                  and not e.cancelled
                  and e.starts_at > :now and e.starts_at - cast(e.reminder_before as interval) <= :now
                  and not exists (select 1 from delivery x
                                  where x.registration_id = g.registration_id and x.mail_kind = 'REMINDER'
                                    and x.mail_fact = 'starts-' || cast(extract(epoch from e.starts_at) as bigint))
                order by e.starts_at, g.registration_id limit :n""", now, limit);
    }

    /**
     * Confirmed attendees due a feedback request at {@code now}: the event (not cancelled) ended, less than a week
     * ago, and they were not asked yet. At most {@code limit}.
     */
    public List<Attendee> dueFeedbackRequests(Instant now, int limit) {
        return due("""
                select g.registration_id, g.event_id, g.attendee_email, g.language, g.status
                from event_registration g
                join attendee_event e on e.event_id = g.event_id
                where g.status = 'CONFIRMED' and not e.cancelled
                  and g.attendee_email not like '%@erased.invalid'
                  and e.ends_at <= :now and e.ends_at > cast(:now as timestamptz) - interval '7 days'
                  and not exists (select 1 from delivery x
                                  where x.registration_id = g.registration_id and x.mail_kind = 'FEEDBACK')
                order by e.ends_at, g.registration_id limit :n""", now, limit);
    }

    /**
     * Adds the mail unless one of this registration, kind and fact exists; returns whether it was added. The
     * delivery is pending from now and sent by the delivery machinery.
     */
    public boolean insertOnce(Delivery mail) {
        return entityManager.createNativeQuery("""
                insert into delivery (id, event_id, purpose, channel, address, subject, body_text, calendar,
                                      registration_id, mail_kind, mail_fact, status, attempts, next_attempt_at,
                                      created_at, ticket_code)
                values (:id, :e, 'ATTENDEE', 'EMAIL', :address, :subject, :body, :calendar, :r, :kind, :fact,
                        'PENDING', 0, :now, :now, :ticket)
                on conflict (registration_id, mail_kind, mail_fact) where registration_id is not null do nothing""")
                .setParameter("id", mail.id).setParameter("e", mail.eventId).setParameter("address", mail.address)
                .setParameter("subject", mail.subject).setParameter("body", mail.bodyText)
                .setParameter("calendar", mail.calendar).setParameter("r", mail.registrationId)
                .setParameter("kind", mail.mailKind).setParameter("fact", mail.mailFact)
                .setParameter("now", mail.createdAt).setParameter("ticket", mail.ticketCode).executeUpdate() == 1;
    }

    /**
     * Adds the mail unless one of this registration, kind and fact exists, as {@link #insertOnce} does, but without
     * telling whether it was added: a transaction that gathers its writes (a consumer's poll) writes all its mails in
     * one statement as it ends ({@link GatheredWrites}).
     */
    public void insertOnceWithOthers(Delivery mail) {
        writes.add(mails, mail);
    }

    private static void insertAll(Connection connection, List<Delivery> added) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into delivery (id, event_id, purpose, channel, address, subject, body_text, calendar,
                                      registration_id, mail_kind, mail_fact, status, attempts, next_attempt_at,
                                      created_at, ticket_code)
                select m.id, m.event_id, 'ATTENDEE', 'EMAIL', m.address, m.subject, m.body_text, m.calendar,
                       m.registration_id, m.mail_kind, m.mail_fact, 'PENDING', 0, cast(m.created_at as timestamptz),
                       cast(m.created_at as timestamptz), m.ticket_code
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                     with ordinality as m (id, event_id, address, subject, body_text, calendar, registration_id,
                                           mail_kind, mail_fact, created_at, ticket_code, position)
                order by m.position
                on conflict (registration_id, mail_kind, mail_fact) where registration_id is not null do nothing""")) {
            insert.setArray(1, GatheredWrites.column(connection, "uuid", added, m -> m.id));
            insert.setArray(2, GatheredWrites.column(connection, "uuid", added, m -> m.eventId));
            insert.setArray(3, GatheredWrites.column(connection, "text", added, m -> m.address));
            insert.setArray(4, GatheredWrites.column(connection, "text", added, m -> m.subject));
            insert.setArray(5, GatheredWrites.column(connection, "text", added, m -> m.bodyText));
            insert.setArray(6, GatheredWrites.column(connection, "text", added, m -> m.calendar));
            insert.setArray(7, GatheredWrites.column(connection, "uuid", added, m -> m.registrationId));
            insert.setArray(8, GatheredWrites.column(connection, "text", added, m -> m.mailKind));
            insert.setArray(9, GatheredWrites.column(connection, "text", added, m -> m.mailFact));
            insert.setArray(10, GatheredWrites.column(connection, "text", added, m -> m.createdAt.toString()));
            insert.setArray(11, GatheredWrites.column(connection, "text", added, m -> m.ticketCode));
            insert.executeUpdate();
        }
    }

    public void saveUnsubscribeLink(String tokenHash, UUID registrationId, Instant now, Instant expiresAt) {
        entityManager.createNativeQuery("""
                insert into reminder_unsubscribe_link (token_hash, registration_id, created_at, expires_at)
                values (:t, :r, :now, :until)""")
                .setParameter("t", tokenHash).setParameter("r", registrationId).setParameter("now", now)
                .setParameter("until", expiresAt).executeUpdate();
    }

    /** A personal link in a reminder: the registration whose reminders it stops, and when it expires. */
    public record UnsubscribeLink(UUID registrationId, Instant expiresAt) {
    }

    /** The link whose token has this SHA-256 (hex); null when none. */
    public UnsubscribeLink unsubscribeLink(String tokenHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select registration_id, expires_at from reminder_unsubscribe_link where token_hash = :t""")
                .setParameter("t", tokenHash).getResultList();
        return rows.isEmpty() ? null : new UnsubscribeLink((UUID) rows.get(0)[0], (Instant) rows.get(0)[1]);
    }

    /** Forgets the registration's unsubscribe links: its attendee has another address, whose reminders they were not. */
    public void forgetUnsubscribeLinks(UUID registrationId) {
        entityManager.createNativeQuery("delete from reminder_unsubscribe_link where registration_id = :r")
                .setParameter("r", registrationId).executeUpdate();
    }

    /** Stops reminders of the registration (once; the first time counts). */
    public void unsubscribeFromReminders(UUID registrationId, Instant now) {
        entityManager.createNativeQuery("""
                update event_registration set reminders_unsubscribed_at = :now
                where registration_id = :r and reminders_unsubscribed_at is null""")
                .setParameter("now", now).setParameter("r", registrationId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Attendee> due(String sql, Instant now, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("now", now).setParameter("n", limit)
                .getResultList();
        return rows.stream().map(AttendeeMailRepository::attendee).toList();
    }

    private static Attendee attendee(Object[] r) {
        return new Attendee((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                r.length > 5 ? (String) r[5] : null);
    }
}
