package app.convene.notification.attendee.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Messages organizers write to an event's attendees ({@code attendee_message}) and each attendee's copy of one (a
 * {@code delivery} of kind MESSAGE whose fact is {@code message-<id>}).
 */
@ApplicationScoped
public class AttendeeMessageRepository {
    @Inject
    EntityManager entityManager;

    /** A message as written and sent. */
    public record Sent(UUID id, UUID eventId, String subject, String body, String audience, String sentBy,
            Instant sentAt, int recipients) {
    }

    /** How far a message's copies went out: waiting or being sent, delivered, given up on. */
    public record Progress(int pending, int delivered, int failed) {
        public static final Progress NONE = new Progress(0, 0, 0);
    }

    /** The fact each attendee's copy of the message carries. */
    public static String fact(UUID messageId) {
        return "message-" + messageId;
    }

    /**
     * Writes a copy of the message for each registration of the event holding one of {@code statuses} whose mail is
     * written in {@code language} (its attendee's, else {@code eventLanguage}), not erased; answers how many.
     */
    public int writeCopies(UUID messageId, UUID eventId, List<String> statuses, String language,
            String eventLanguage, String subject, String text, Instant now) {
        return entityManager.createNativeQuery("""
                insert into delivery (id, event_id, purpose, channel, address, subject, body_text, registration_id,
                                      mail_kind, mail_fact, status, attempts, next_attempt_at, created_at)
                select gen_random_uuid(), g.event_id, 'ATTENDEE', 'EMAIL', g.attendee_email, :subject, :text,
                       g.registration_id, 'MESSAGE', :fact, 'PENDING', 0, :now, :now
                from event_registration g
                where g.event_id = :e and g.status in (:statuses)
                  and g.attendee_email not like '%@erased.invalid'
                  and coalesce(g.language, :eventLanguage) = :language
                order by g.updated_at, g.registration_id
                on conflict (registration_id, mail_kind, mail_fact) where registration_id is not null do nothing""")
                .setParameter("subject", subject).setParameter("text", text).setParameter("fact", fact(messageId))
                .setParameter("now", now).setParameter("e", eventId).setParameter("statuses", statuses)
                .setParameter("eventLanguage", eventLanguage).setParameter("language", language).executeUpdate();
    }

    public void save(Sent message) {
        entityManager.createNativeQuery("""
                insert into attendee_message (id, event_id, subject, body_text, audience, sent_by, sent_at, recipients)
                values (:id, :e, :subject, :body, :audience, :by, :at, :n)""")
                .setParameter("id", message.id()).setParameter("e", message.eventId())
                .setParameter("subject", message.subject()).setParameter("body", message.body())
                .setParameter("audience", message.audience()).setParameter("by", message.sentBy())
                .setParameter("at", message.sentAt()).setParameter("n", message.recipients()).executeUpdate();
    }

    /** The event's message {@code messageId}; null when it is none of the event's. */
    public Sent find(UUID eventId, UUID messageId) {
        List<Sent> found = sent("""
                select id, event_id, subject, body_text, audience, sent_by, sent_at, recipients
                from attendee_message where id = :id and event_id = :e""", Map.of("id", messageId, "e", eventId));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Up to {@code rows} of the event's messages, newest first, older than {@code before} when it is not null. */
    public List<Sent> ofEvent(UUID eventId, Sent before, int rows) {
        Map<String, Object> parameters = new HashMap<>(Map.of("e", eventId, "n", rows));
        String older = "";
        if (before != null) {
            older = " and (sent_at, id) < (:at, :id)";
            parameters.put("at", before.sentAt());
            parameters.put("id", before.id());
        }
        return sent("""
                select id, event_id, subject, body_text, audience, sent_by, sent_at, recipients
                from attendee_message where event_id = :e""" + older + " order by sent_at desc, id desc limit :n",
                parameters);
    }

    /** How far each of these messages' copies went out. */
    public Map<UUID, Progress> progress(List<UUID> messageIds) {
        Map<UUID, Progress> progress = new HashMap<>();
        if (messageIds.isEmpty()) {
            return progress;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select mail_fact,
                       count(*) filter (where status in ('PENDING', 'IN_FLIGHT')),
                       count(*) filter (where status = 'DELIVERED'),
                       count(*) filter (where status = 'FAILED')
                from delivery
                where mail_kind = 'MESSAGE' and mail_fact in (:facts)
                group by mail_fact""")
                .setParameter("facts", messageIds.stream().map(AttendeeMessageRepository::fact).toList())
                .getResultList();
        for (Object[] row : rows) {
            progress.put(UUID.fromString(((String) row[0]).substring("message-".length())), new Progress(
                    ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue()));
        }
        return progress;
    }

    private List<Sent> sent(String sql, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Sent((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (Instant) r[6], ((Number) r[7]).intValue())).toList();
    }
}
