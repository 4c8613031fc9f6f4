package app.convene.notification.privacy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.event.PrivacyEvents;

/**
 * What notification-service holds about a person within one organisation (recipients, the deliveries and attempts
 * addressed to them, their acknowledgements, feedback they gave, the copy of their registrations and briefings they
 * asked for), found by the SHA-256 of the lower-cased, trimmed address, and its anonymisation in place. Every table
 * is scoped to the organisation through its event's {@code event_access} row; mail to a venue's partner contact
 * (no event) through the delivery's own {@code organisation}.
 */
@ApplicationScoped
public class PersonalDataRepository {
    public static final String ERASED_NAME = "Erased person";
    public static final String ERASED_TEXT = "(erased)";

    @Inject
    EntityManager entityManager;

    public record RecipientRow(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
            @Schema(required = true) String audience, @Schema(required = true) String name,
            @Schema(required = true) String channel, @Schema(required = true) String address,
            @Schema(required = true) String locale, boolean active) {
    }

    public record DeliveryRow(@Schema(required = true) UUID id, UUID eventId, UUID recipientId,
            @Schema(required = true) String purpose, @Schema(required = true) String channel,
            @Schema(required = true) String address, @Schema(required = true) String subject,
            @Schema(required = true) String status, int attempts, @Schema(required = true) Instant createdAt) {
    }

    public record AcknowledgementRow(@Schema(required = true) UUID briefingId,
            @Schema(required = true) UUID recipientId, @Schema(required = true) Instant acknowledgedAt,
            @Schema(required = true) String via) {
    }

    public record FeedbackRow(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
            @Schema(required = true) String source, @Schema(required = true) String author, int rating,
            String comment, @Schema(required = true) Instant receivedAt) {
    }

    /**
     * {@code language}, {@code remindersUnsubscribedAt}, {@code ticketCode} (the ticket the registration holds, for its
     * reminders): kept for attendee mail.
     */
    public record RegistrationRow(@Schema(required = true) UUID registrationId,
            @Schema(required = true) UUID eventId, @Schema(required = true) String attendeeEmail,
            @Schema(required = true) String status, String language, Instant remindersUnsubscribedAt,
            String ticketCode) {
    }

    /** A message to an event's attendees the person sent. */
    public record MessageRow(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
            @Schema(required = true) String subject, @Schema(required = true) Instant sentAt,
            @Schema(required = true) String sentBy) {
    }

    public record BriefingRow(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
            @Schema(required = true) String kind, @Schema(required = true) String status,
            @Schema(required = true) String requestedBy) {
    }

    /**
     * Disables and blanks the organisation's recipients with the address: name "Erased person", address
     * {@code erased-<recipientId>@erased.invalid}, inactive. Returns their ids.
     */
    public List<UUID> anonymiseRecipients(String organisation, String emailSha256) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update recipient r
                set name = :name, address = 'erased-' || r.id || '@erased.invalid', active = false
                from event_access a
                where a.event_id = r.event_id and a.organisation = :organisation and %s = :hash
                returning r.id
                """.formatted(PrivacyEvents.addressHashSql("r.address"))).setParameter("name", ERASED_NAME)
                .setParameter("organisation", organisation).setParameter("hash", emailSha256).getResultList();
        return ids;
    }

    /**
     * Blanks the deliveries to these recipients or to the address: address, subject and stored bodies erased; one
     * still pending is given up (FAILED, "recipient erased") so it is never sent. Returns their ids.
     */
    public List<UUID> anonymiseDeliveries(String organisation, String emailSha256, List<UUID> recipientIds) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update delivery d
                set address = 'erased-' || coalesce(d.recipient_id, d.registration_id, d.partner_contact_id)
                              || '@erased.invalid',
                    subject = :text, body_text = :text, body_html = null, webhook_payload = null, calendar = null,
                    ticket_code = null,
                    last_error = case when d.status = 'PENDING' then 'recipient erased' else null end,
                    status = case when d.status = 'PENDING' then 'FAILED' else d.status end
                where (d.organisation = :organisation or exists (select 1 from event_access a
                        where a.event_id = d.event_id and a.organisation = :organisation))
                  and (d.recipient_id = any(cast(:recipients as uuid[])) or %s = :hash)
                returning d.id
                """.formatted(PrivacyEvents.addressHashSql("d.address"))).setParameter("text", ERASED_TEXT)
                .setParameter("organisation", organisation).setParameter("hash", emailSha256)
                .setParameter("recipients", uuidArray(recipientIds)).getResultList();
        return ids;
    }

    /** Clears what the attempts of these deliveries noted (an SMTP answer may quote the address); how many. */
    public int anonymiseAttempts(List<UUID> deliveryIds) {
        return entityManager.createNativeQuery("""
                update delivery_attempt set detail = null
                where delivery_id = any(cast(:ids as uuid[])) and detail is not null
                """).setParameter("ids", uuidArray(deliveryIds)).executeUpdate();
    }

    /** Blanks the author of the person's feedback (rating and comment stay); how many. */
    public int anonymiseFeedback(String organisation, String emailSha256) {
        return entityManager.createNativeQuery("""
                update feedback f set author = 'erased-' || f.id || '@erased.invalid'
                from event_access a
                where a.event_id = f.event_id and a.organisation = :organisation and %s = :hash
                """.formatted(PrivacyEvents.addressHashSql("f.author"))).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).executeUpdate();
    }

    /** Anonymises the copy of the person's registrations, found by id or by address; how many. */
    public int anonymiseRegistrations(String organisation, String emailSha256, List<UUID> registrationIds) {
        return entityManager.createNativeQuery("""
                update event_registration g
                set attendee_email = 'erased-' || g.registration_id || '@erased.invalid', ticket_code = null
                from event_access a
                where a.event_id = g.event_id and a.organisation = :organisation
                  and (g.registration_id = any(cast(:ids as uuid[])) or %s = :hash)
                  and g.attendee_email <> 'erased-' || g.registration_id || '@erased.invalid'
                """.formatted(PrivacyEvents.addressHashSql("g.attendee_email"))).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).setParameter("ids", uuidArray(registrationIds))
                .executeUpdate();
    }

    /**
     * The retention policy came due for an event: the copy of its registrations and the authors of its feedback
     * are anonymised (ratings, comments and statuses stay); how many rows.
     */
    public int anonymiseEventAttendees(String organisation, UUID eventId) {
        int feedback = entityManager.createNativeQuery("""
                update feedback f set author = 'erased-' || f.id || '@erased.invalid'
                from event_access a
                where a.event_id = f.event_id and a.organisation = :organisation and f.event_id = :eventId
                  and f.author not like 'erased-%@erased.invalid'
                """).setParameter("organisation", organisation).setParameter("eventId", eventId).executeUpdate();
        int registrations = entityManager.createNativeQuery("""
                update event_registration g
                set attendee_email = 'erased-' || g.registration_id || '@erased.invalid', ticket_code = null
                from event_access a
                where a.event_id = g.event_id and a.organisation = :organisation and g.event_id = :eventId
                  and g.attendee_email not like 'erased-%@erased.invalid'
                """).setParameter("organisation", organisation).setParameter("eventId", eventId).executeUpdate();
        // Attendee mail to the event's attendees: blanked, and given up while pending.
        int mail = entityManager.createNativeQuery("""
                update delivery d
                set address = 'erased-' || d.registration_id || '@erased.invalid', subject = :text,
                    body_text = :text, calendar = null, ticket_code = null,
                    last_error = case when d.status = 'PENDING' then 'recipient erased' else d.last_error end,
                    status = case when d.status = 'PENDING' then 'FAILED' else d.status end
                from event_access a
                where a.event_id = d.event_id and a.organisation = :organisation and d.event_id = :eventId
                  and d.purpose = 'ATTENDEE' and d.status <> 'IN_FLIGHT'
                  and d.address not like 'erased-%@erased.invalid'
                """).setParameter("text", ERASED_TEXT).setParameter("organisation", organisation)
                .setParameter("eventId", eventId).executeUpdate();
        return feedback + registrations + mail;
    }

    /** Blanks who asked for a briefing on demand; how many. */
    public int anonymiseBriefingRequests(String organisation, String emailSha256) {
        return entityManager.createNativeQuery("""
                update briefing b set requested_by = :name
                from event_access a
                where a.event_id = b.event_id and a.organisation = :organisation and %s = :hash
                """.formatted(PrivacyEvents.addressHashSql("b.requested_by"))).setParameter("name", ERASED_NAME)
                .setParameter("organisation", organisation).setParameter("hash", emailSha256).executeUpdate();
    }

    /** Blanks who sent a message to an event's attendees; how many. */
    public int anonymiseMessageSenders(String organisation, String emailSha256) {
        return entityManager.createNativeQuery("""
                update attendee_message m set sent_by = :name
                from event_access a
                where a.event_id = m.event_id and a.organisation = :organisation and %s = :hash
                """.formatted(PrivacyEvents.addressHashSql("m.sent_by"))).setParameter("name", ERASED_NAME)
                .setParameter("organisation", organisation).setParameter("hash", emailSha256).executeUpdate();
    }

    public List<MessageRow> messagesSent(String organisation, String email) {
        return rows("""
                select m.id, m.event_id, m.subject, m.sent_at, m.sent_by
                from attendee_message m join event_access a on a.event_id = m.event_id
                where a.organisation = :organisation and lower(trim(m.sent_by)) = lower(trim(:email))
                order by m.sent_at, m.id
                """, organisation, email).stream().map(r -> new MessageRow((UUID) r[0], (UUID) r[1],
                (String) r[2], (Instant) r[3], (String) r[4])).toList();
    }

    public List<RecipientRow> recipients(String organisation, String email) {
        return rows("""
                select r.id, r.event_id, r.audience, r.name, r.channel, r.address, r.locale, r.active
                from recipient r join event_access a on a.event_id = r.event_id
                where a.organisation = :organisation and lower(trim(r.address)) = lower(trim(:email))
                order by r.created_at, r.id
                """, organisation, email).stream().map(r -> new RecipientRow((UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (Boolean) r[7])).toList();
    }

    public List<DeliveryRow> deliveries(String organisation, String email) {
        return rows("""
                select d.id, d.event_id, d.recipient_id, d.purpose, d.channel, d.address, d.subject, d.status,
                       d.attempts, d.created_at
                from delivery d left join event_access a on a.event_id = d.event_id
                where coalesce(a.organisation, d.organisation) = :organisation
                  and lower(trim(d.address)) = lower(trim(:email))
                order by d.created_at, d.id
                """, organisation, email).stream().map(r -> new DeliveryRow((UUID) r[0], (UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                ((Number) r[8]).intValue(), (Instant) r[9])).toList();
    }

    public List<AcknowledgementRow> acknowledgements(String organisation, String email) {
        return rows("""
                select k.briefing_id, k.recipient_id, k.acknowledged_at, k.via
                from acknowledgement k join recipient r on r.id = k.recipient_id
                join event_access a on a.event_id = r.event_id
                where a.organisation = :organisation and lower(trim(r.address)) = lower(trim(:email))
                order by k.acknowledged_at
                """, organisation, email).stream().map(r -> new AcknowledgementRow((UUID) r[0], (UUID) r[1],
                (Instant) r[2], (String) r[3])).toList();
    }

    public List<FeedbackRow> feedback(String organisation, String email) {
        return rows("""
                select f.id, f.event_id, f.source, f.author, f.rating, f.comment, f.received_at
                from feedback f join event_access a on a.event_id = f.event_id
                where a.organisation = :organisation and lower(trim(f.author)) = lower(trim(:email))
                order by f.received_at, f.id
                """, organisation, email).stream().map(r -> new FeedbackRow((UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).intValue(), (String) r[5], (Instant) r[6])).toList();
    }

    public List<RegistrationRow> registrations(String organisation, String email) {
        return rows("""
                select g.registration_id, g.event_id, g.attendee_email, g.status, g.language,
                       g.reminders_unsubscribed_at, g.ticket_code
                from event_registration g join event_access a on a.event_id = g.event_id
                where a.organisation = :organisation and lower(trim(g.attendee_email)) = lower(trim(:email))
                order by g.updated_at
                """, organisation, email).stream().map(r -> new RegistrationRow((UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], (String) r[4], (Instant) r[5], (String) r[6])).toList();
    }

    public List<BriefingRow> briefingsRequested(String organisation, String email) {
        return rows("""
                select b.id, b.event_id, b.kind, b.status, b.requested_by
                from briefing b join event_access a on a.event_id = b.event_id
                where a.organisation = :organisation and lower(trim(b.requested_by)) = lower(trim(:email))
                order by b.due_at
                """, organisation, email).stream().map(r -> new BriefingRow((UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String organisation, String email) {
        return entityManager.createNativeQuery(sql).setParameter("organisation", organisation)
                .setParameter("email", email).getResultList();
    }

    /** A PostgreSQL array literal of ids, bound as text and cast, so an empty list needs no special case. */
    private static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
