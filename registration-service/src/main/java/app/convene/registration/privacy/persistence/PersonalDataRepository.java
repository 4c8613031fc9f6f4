package app.convene.registration.privacy.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public record SpeakerRow(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID eventId,
            @Schema(required = true) String sessionTitle, @Schema(required = true) String email,
            @Schema(required = true) String name) {
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

    /**
     * Anonymises the person where the organisation's meetings name them: as chair or author of minutes (approved ones
     * too: the erasure is the one change the database lets through, see V14), as owner of an action item in the
     * minutes and in the followed-up action items, and as presenter of an agenda item. What was decided, and when,
     * stays. Returns how many rows changed.
     */
    public int anonymiseMeetings(String organisation, String emailSha256) {
        entityManager.createNativeQuery("select set_config('convene.erasure', 'on', true)").getSingleResult();
        String inOrganisation = "event_id in (select event_id from event_access where organisation = :organisation)";
        String erased = "'erased-' || md5(random()::text || clock_timestamp()::text) || '@erased.invalid'";
        int rows = 0;
        rows += update("""
                update minutes set chair = %s where %s and %s = :hash
                """.formatted(erased, inOrganisation, PrivacyEvents.addressHashSql("chair")), organisation,
                emailSha256);
        rows += update("""
                update minutes set created_by = %s where %s and %s = :hash
                """.formatted(erased, inOrganisation, PrivacyEvents.addressHashSql("created_by")), organisation,
                emailSha256);
        // Each entry's action items, rebuilt in their order with the person's address replaced.
        rows += update("""
                update minutes m set entries = (
                    select coalesce(jsonb_agg(case when jsonb_typeof(e -> 'actionItems') = 'array' then
                        jsonb_set(e, '{actionItems}', (
                            select coalesce(jsonb_agg(case when %1$s = :hash
                                        then jsonb_set(a, '{owner}', to_jsonb(%2$s)) else a end
                                    order by ai), '[]'::jsonb)
                            from jsonb_array_elements(e -> 'actionItems') with ordinality as items(a, ai)))
                        else e end order by ei), '[]'::jsonb)
                    from jsonb_array_elements(m.entries) with ordinality as entry(e, ei))
                where m.%3$s and exists (
                    select 1 from jsonb_array_elements(m.entries) e
                    cross join lateral jsonb_array_elements(case when jsonb_typeof(e -> 'actionItems') = 'array'
                                                                then e -> 'actionItems' else '[]'::jsonb end) a
                    where %1$s = :hash)
                """.formatted(PrivacyEvents.addressHashSql("a ->> 'owner'"), erased, inOrganisation), organisation,
                emailSha256);
        rows += update("""
                update action_item set owner = %s where organisation = :organisation and %s = :hash
                """.formatted(erased, PrivacyEvents.addressHashSql("owner")), organisation, emailSha256);
        rows += update("""
                update agenda_item set presenter = :name where %s and %s = :hash
                """.formatted(inOrganisation, PrivacyEvents.addressHashSql("presenter")).replace(":name",
                "'" + ERASED_NAME + "'"), organisation, emailSha256);
        return rows;
    }

    private int update(String sql, String organisation, String emailSha256) {
        return entityManager.createNativeQuery(sql).setParameter("organisation", organisation)
                .setParameter("hash", emailSha256).executeUpdate();
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
