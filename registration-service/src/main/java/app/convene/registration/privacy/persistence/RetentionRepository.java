package app.convene.registration.privacy.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.revalidation.ChangeLocks;
import app.convene.registration.privacy.domain.RetentionPolicy;

/** Retention policies, the events they have come due for, and the anonymisation of an event's people. */
@ApplicationScoped
public class RetentionRepository {

    @Inject
    EntityManager entityManager;

    /** Holds the organisation's policy, set or not, for the rest of the transaction: one change at a time. */
    public void lock(String organisation) {
        ChangeLocks.hold(entityManager, "retention-policy", organisation);
    }

    public Optional<RetentionPolicy> find(String organisation) {
        List<?> rows = entityManager.createNativeQuery("""
                select organisation, anonymise_after_months, changed_by, changed_at
                from retention_policy where organisation = :organisation
                """).setParameter("organisation", organisation).getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(row -> new RetentionPolicy((String) row[0],
                ((Number) row[1]).intValue(), (String) row[2], instant(row[3])));
    }

    public void save(RetentionPolicy policy) {
        entityManager.createNativeQuery("""
                insert into retention_policy (organisation, anonymise_after_months, changed_by, changed_at)
                values (:organisation, :months, :by, :at)
                on conflict (organisation) do update set anonymise_after_months = excluded.anonymise_after_months,
                    changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """).setParameter("organisation", policy.organisation())
                .setParameter("months", policy.anonymiseAfterMonths()).setParameter("by", policy.changedBy())
                .setParameter("at", policy.changedAt()).executeUpdate();
    }

    public boolean delete(String organisation) {
        return entityManager.createNativeQuery("delete from retention_policy where organisation = :organisation")
                .setParameter("organisation", organisation).executeUpdate() > 0;
    }

    /** Events (oldest first) of organisations with a policy that ended longer ago than the policy keeps them. */
    public List<UUID> eventsDue(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                select e.id from event e
                join event_access a on a.event_id = e.id
                join retention_policy p on p.organisation = a.organisation
                where e.attendees_anonymised_at is null
                  and e.ends_at < cast(:now as timestamptz) - make_interval(months => p.anonymise_after_months)
                order by e.ends_at, e.id
                limit :limit
                """, UUID.class).setParameter("now", now).setParameter("limit", limit).getResultList()
                .stream().map(UUID.class::cast).toList();
    }

    /**
     * Locks a due event (null when another sweep took it, or it is no longer due) and returns its organisation.
     */
    public String lockDue(UUID eventId, Instant now) {
        List<?> rows = entityManager.createNativeQuery("""
                select a.organisation from event e
                join event_access a on a.event_id = e.id
                join retention_policy p on p.organisation = a.organisation
                where e.id = :eventId and e.attendees_anonymised_at is null
                  and e.ends_at < cast(:now as timestamptz) - make_interval(months => p.anonymise_after_months)
                for update of e
                """).setParameter("eventId", eventId).setParameter("now", now).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /**
     * Anonymises the event's registrations and speakers in place: address, name, the attendee's organisation and
     * answers go; status, waiting-list rank, check-in and no-show stay, so every count is unchanged.
     */
    public int anonymiseEvent(UUID eventId, Instant at) {
        int registrations = entityManager.createNativeQuery("""
                update registration set attendee_email = 'erased-' || id || '@erased.invalid', attendee_name = :name,
                    organisation = null, answers = null
                where event_id = :eventId and attendee_email not like 'erased-%@erased.invalid'
                """).setParameter("name", PersonalDataRepository.ERASED_NAME).setParameter("eventId", eventId)
                .executeUpdate();
        entityManager.createNativeQuery("""
                update session_speaker set email = 'erased-' || md5(session_id || email) || '@erased.invalid',
                    name = :name
                where session_id in (select id from session where event_id = :eventId)
                  and email not like 'erased-%@erased.invalid'
                """).setParameter("name", PersonalDataRepository.ERASED_NAME).setParameter("eventId", eventId)
                .executeUpdate();
        entityManager.createNativeQuery("update event set attendees_anonymised_at = :at where id = :eventId")
                .setParameter("at", at).setParameter("eventId", eventId).executeUpdate();
        return registrations;
    }
}
