package app.convene.registration.privacy.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.event.PrivacyEvents;

import app.convene.registration.domain.Registration;

/**
 * What registration-service holds about a person within one organisation, found by the SHA-256 of the lower-cased,
 * trimmed address (so the address itself need not be known to erase it), and its anonymisation in place.
 */
@ApplicationScoped
public class PersonalDataRepository {
    /** The placeholder name of an erased person. */
    public static final String ERASED_NAME = "Erased person";

    @Inject
    EntityManager entityManager;

    /** A session in which the person speaks. */
    public record SpeakerRow(UUID sessionId, UUID eventId, String sessionTitle, String email, String name) {
    }

    /**
     * Anonymises every registration of the person for the organisation's events: the address becomes
     * {@code erased-<registrationId>@erased.invalid}, the name "Erased person", the attendee's organisation and answers
     * are cleared. Status, waiting-list rank, check-in time and no-show mark stay, so every count stays as it was.
     * Returns the ids of the registrations it anonymised.
     */
    public List<UUID> anonymiseRegistrations(String organisation, String emailSha256) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update registration r
                set attendee_email = 'erased-' || r.id || '@erased.invalid', attendee_name = :name,
                    organisation = null, answers = null
                from event_access a
                where a.event_id = r.event_id and a.organisation = :organisation and %s = :hash
                returning r.id
                """.formatted(PrivacyEvents.addressHashSql("r.attendee_email")))
                .setParameter("name", ERASED_NAME).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).getResultList();
        return ids;
    }

    /** Anonymises the person's entries as a speaker in the organisation's sessions; how many. */
    public int anonymiseSpeakers(String organisation, String emailSha256) {
        return entityManager.createNativeQuery("""
                update session_speaker sp
                set email = 'erased-' || gen_random_uuid() || '@erased.invalid', name = :name
                from session s join event_access a on a.event_id = s.event_id
                where s.id = sp.session_id and a.organisation = :organisation and %s = :hash
                """.formatted(PrivacyEvents.addressHashSql("sp.email")))
                .setParameter("name", ERASED_NAME).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).executeUpdate();
    }

    /**
     * Replaces the person's address and name in the announcements still kept in the outbox (published ones until
     * they are pruned, and any not yet published): they then say what the anonymised registration says.
     */
    public int anonymiseAnnouncements(String organisation, String emailSha256) {
        return entityManager.createNativeQuery("""
                update outbox_event o
                set payload = o.payload
                    || jsonb_build_object('attendeeEmail', 'erased-' || (o.payload ->> 'registrationId')
                                                           || '@erased.invalid')
                    || case when jsonb_exists(o.payload, 'attendeeName') then jsonb_build_object('attendeeName', :name)
                            else '{}'::jsonb end
                where o.topic = 'registration.events' and o.payload ->> 'registrationId' is not null and %s = :hash
                  and exists (select 1 from event_access a
                              where a.event_id::text = o.payload ->> 'eventId' and a.organisation = :organisation)
                """.formatted(PrivacyEvents.addressHashSql("o.payload ->> 'attendeeEmail'")))
                .setParameter("name", ERASED_NAME).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).executeUpdate();
    }

    /** The person's registrations for the organisation's events, oldest first. */
    public List<Registration> registrations(String organisation, String email) {
        @SuppressWarnings("unchecked")
        List<Registration> rows = entityManager.createNativeQuery("""
                select r.* from registration r join event_access a on a.event_id = r.event_id
                where a.organisation = :organisation and lower(trim(r.attendee_email)) = lower(trim(:email))
                order by r.registered_at, r.id
                """, Registration.class).setParameter("organisation", organisation).setParameter("email", email)
                .getResultList();
        return rows;
    }

    /** The sessions of the organisation's events in which the person speaks. */
    public List<SpeakerRow> speakers(String organisation, String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.id, s.event_id, s.title, sp.email, sp.name
                from session_speaker sp join session s on s.id = sp.session_id
                join event_access a on a.event_id = s.event_id
                where a.organisation = :organisation and lower(trim(sp.email)) = lower(trim(:email))
                order by s.starts_at, s.id
                """).setParameter("organisation", organisation).setParameter("email", email).getResultList();
        return rows.stream().map(r -> new SpeakerRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    /** The titles of the given events, for the export. */
    public java.util.Map<UUID, String> eventTitles(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, title from event where id in (:ids)")
                .setParameter("ids", eventIds).getResultList();
        java.util.Map<UUID, String> titles = new java.util.HashMap<>();
        rows.forEach(r -> titles.put((UUID) r[0], (String) r[1]));
        return titles;
    }
}
