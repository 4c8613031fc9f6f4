package app.convene.registration.persistence;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.paging.Slice;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.domain.RollFilter;

/** Reads and writes the {@code registration} rows: who holds a place, the waiting list, the roll, one's own. */
@ApplicationScoped
public class RegistrationRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    /**
     * Writes new registrations at once, over the transaction's connection: every registration takes this path, and
     * the rows are written as they are, with no entity for Hibernate to track, flush and dirty-check at the commit
     * (nothing later in a registration's transaction changes them; a later read in it finds the rows written). The
     * unique index on active registrations refuses a second active registration of the same person here, as a
     * {@link jakarta.persistence.PersistenceException} whose cause names the index.
     */
    public void insert(List<Registration> created) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into registration (id, event_id, attendee_email, attendee_name, status, waitlist_rank,
                        registered_at, organisation, answers, group_id, language, late_cancellation, no_show)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, false, false)""")) {
                for (Registration registration : created) {
                    insert.setObject(1, registration.id);
                    insert.setObject(2, registration.eventId);
                    insert.setString(3, registration.attendeeEmail);
                    insert.setString(4, registration.attendeeName);
                    insert.setString(5, registration.status.name());
                    insert.setObject(6, registration.waitlistRank, Types.BIGINT);
                    insert.setObject(7, registration.registeredAt.atOffset(ZoneOffset.UTC));
                    insert.setString(8, registration.organisation);
                    insert.setString(9, answersJson(registration));
                    insert.setObject(10, registration.groupId);
                    insert.setString(11, registration.language);
                    insert.executeUpdate();
                }
            }
        });
    }

    private String answersJson(Registration registration) {
        if (registration.answers == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(registration.answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answers of registration " + registration.id
                    + " cannot be written as JSON", e);
        }
    }

    /**
     * The person's active registration for the event, if any. Asked on every registration, so it is plain SQL: the
     * partial unique index on active registrations answers it, and there is no query translation to pay for.
     */
    public Optional<Registration> findActive(UUID eventId, String email) {
        @SuppressWarnings("unchecked")
        List<Registration> found = entityManager.createNativeQuery("""
                select * from registration
                where event_id = :eventId and lower(attendee_email) = lower(:email) and status <> 'CANCELLED'
                """, Registration.class).setParameter("eventId", eventId).setParameter("email", email)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Whether {@code email} holds a registration for the event (in any state: it lets them see the event). */
    public boolean isHeldBy(UUID eventId, String email) {
        return !entityManager.createNativeQuery("""
                select 1 from registration where event_id = :eventId and lower(attendee_email) = lower(:email) limit 1
                """).setParameter("eventId", eventId).setParameter("email", email).getResultList().isEmpty();
    }

    /** The first on the event's waiting list, in arrival order. */
    public Optional<Registration> firstWaiting(UUID eventId) {
        return Registration.find("eventId = ?1 and status = app.convene.registration.domain.RegistrationStatus.WAITLISTED "
                + "order by waitlistRank", eventId).firstResultOptional();
    }

    /** 1-based place on the waiting list, counting only those still waiting ahead. */
    public int waitlistPosition(Registration registration) {
        return (int) Registration.count("eventId = ?1 and status = ?2 and waitlistRank <= ?3", registration.eventId,
                RegistrationStatus.WAITLISTED, registration.waitlistRank);
    }

    /** Marks every confirmed registration of the event that did not check in as a no-show; how many it marked. */
    public int markNoShows(UUID eventId) {
        return Registration.update("noShow = true where eventId = ?1 and status = ?2 and checkedInAt is null "
                + "and noShow = false", eventId, RegistrationStatus.CONFIRMED);
    }

    /**
     * A page of the event's roll after position {@code after}, in registration order. Plain SQL on the (event, seq)
     * index: a page is one index range scan, with no query translation per request.
     */
    public Slice<Registration> roll(UUID eventId, RollFilter filter, long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from registration where event_id = :eventId and seq > :after");
        if (filter.status() != null) {
            sql.append(" and status = :status");
        }
        if (filter.checkedIn() != null) {
            sql.append(filter.checkedIn() ? " and checked_in_at is not null" : " and checked_in_at is null");
        }
        if (filter.noShow() != null) {
            sql.append(" and no_show = :noShow");
        }
        sql.append(" order by seq limit :rows");
        // Read only: the roll's rows are shown, never changed, so no snapshot of each (and of its answers) is kept
        // for dirty checking.
        Query query = entityManager.createNativeQuery(sql.toString(), Registration.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setParameter("eventId", eventId).setParameter("after", after).setParameter("rows", limit + 1);
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.noShow() != null) {
            query.setParameter("noShow", filter.noShow());
        }
        @SuppressWarnings("unchecked")
        List<Registration> rows = query.getResultList();
        return Slice.of(rows, limit);
    }

    /**
     * A page of the registrations under {@code subject} for events of {@code organisation}, newest first, before
     * position {@code before} (from the newest when null).
     */
    public Slice<Registration> heldBy(String subject, String organisation, Long before, int limit) {
        StringBuilder sql = new StringBuilder("""
                select r.* from registration r join event_access a on a.event_id = r.event_id
                where lower(r.attendee_email) = :subject and a.organisation = :organisation""");
        if (before != null) {
            sql.append(" and r.seq < :before");
        }
        sql.append(" order by lower(r.attendee_email), r.seq desc limit :rows");
        Query query = entityManager.createNativeQuery(sql.toString(), Registration.class)
                .setParameter("subject", subject).setParameter("organisation", organisation)
                .setParameter("rows", limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Registration> rows = query.getResultList();
        return Slice.of(rows, limit);
    }
}
