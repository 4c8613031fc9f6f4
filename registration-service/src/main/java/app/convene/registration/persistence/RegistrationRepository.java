package app.convene.registration.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.paging.Slice;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.domain.RollFilter;

/** Reads and writes the {@code registration} rows: who holds a place, the waiting list, the roll, one's own. */
@ApplicationScoped
public class RegistrationRepository {
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

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
                        registered_at, organisation, answers, group_id, language, ticket_code, late_cancellation,
                        no_show)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, false, false)""")) {
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
                    insert.setString(12, registration.ticketCode);
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
     * The person's active registration for the event, if any: asked when a new registration met it at the unique
     * index on active registrations, which answers it.
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

    /**
     * The places on the event's waiting list of these waiting registrations, whose ranks are at most {@code lastRank}:
     * those ahead of the first of them are counted along the list's index, and the ranks from there to the last are
     * numbered (a page's usually lie close together), rather than numbering the whole list up to them.
     */
    public Map<UUID, Integer> waitlistPositions(UUID eventId, List<UUID> ids, long lastRank) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with page as (select min(waitlist_rank) as first from registration
                              where id = any(cast(:ids as uuid[]))),
                     ahead as (select count(*) as n from registration, page
                               where event_id = :e and status = 'WAITLISTED' and waitlist_rank < page.first)
                select w.id, ahead.n + w.position
                from ahead, (select id, row_number() over (order by waitlist_rank) as position
                             from registration, page
                             where event_id = :e and status = 'WAITLISTED'
                               and waitlist_rank between page.first and :last) w
                where w.id = any(cast(:ids as uuid[]))""")
                .setParameter("e", eventId).setParameter("last", lastRank)
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, Integer> positions = new HashMap<>();
        rows.forEach(row -> positions.put((UUID) row[0], ((Number) row[1]).intValue()));
        return positions;
    }

    /** The event's waiting list in order: each registration's id with its rank. */
    public List<Object[]> waitingListOrder(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, waitlist_rank from registration where event_id = :e and status = 'WAITLISTED'
                order by waitlist_rank""").setParameter("e", eventId).getResultList();
        return rows;
    }

    /**
     * Gives these waiting registrations of the event these ranks (a reordering of the ranks they hold between them).
     * Each rank is unique on the event's waiting list at every row written, so the new ranks are written negated
     * first and then turned.
     */
    public void rerank(UUID eventId, List<UUID> ids, List<Long> ranks) {
        entityManager.createNativeQuery("""
                update registration r set waitlist_rank = -u.rank
                from unnest(cast(:ids as uuid[]), cast(:ranks as bigint[])) as u (id, rank)
                where r.id = u.id and r.event_id = :e and r.status = 'WAITLISTED'""")
                .setParameter("ids", ids.toArray(UUID[]::new)).setParameter("ranks", ranks.toArray(Long[]::new))
                .setParameter("e", eventId).executeUpdate();
        entityManager.createNativeQuery("""
                update registration set waitlist_rank = -waitlist_rank
                where event_id = :e and status = 'WAITLISTED' and waitlist_rank < 0""")
                .setParameter("e", eventId).executeUpdate();
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
     * A page of the event's roll after position {@code after}, in registration order: one index range scan on
     * (event, seq), read over the transaction's connection into detached registrations. The roll's rows are shown,
     * never changed, so nothing is handed to Hibernate to translate, hydrate, register and convert (the answers'
     * JSON is read by the service's own mapper).
     */
    public Slice<Registration> roll(UUID eventId, RollFilter filter, long after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, event_id, attendee_email, attendee_name, status, waitlist_rank, registered_at, promoted_at,
                       cancelled_at, seq, organisation, late_cancellation, checked_in_at, no_show, answers::text,
                       group_id, language, ticket_code
                from registration where event_id = ? and seq > ?""");
        if (filter.status() != null) {
            sql.append(" and status = ?");
        }
        if (filter.checkedIn() != null) {
            sql.append(filter.checkedIn() ? " and checked_in_at is not null" : " and checked_in_at is null");
        }
        if (filter.noShow() != null) {
            sql.append(" and no_show = ?");
        }
        if (filter.sessionId() != null) {
            sql.append(" and exists (select 1 from registration_session rs where rs.registration_id = registration.id"
                    + " and rs.session_id = ? and rs.status in ('SEATED', 'WAITING'))");
        }
        if (filter.text() != null) {
            sql.append(" and (strpos(lower(attendee_name), lower(?)) > 0 or strpos(lower(attendee_email), lower(?)) > 0"
                    + " or strpos(lower(organisation), lower(?)) > 0 or ticket_code = ?)");
        }
        sql.append(" order by seq limit ?");
        List<Registration> rows = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement page = connection.prepareStatement(sql.toString())) {
                int parameter = 1;
                page.setObject(parameter++, eventId);
                page.setLong(parameter++, after);
                if (filter.status() != null) {
                    page.setString(parameter++, filter.status().name());
                }
                if (filter.noShow() != null) {
                    page.setBoolean(parameter++, filter.noShow());
                }
                if (filter.sessionId() != null) {
                    page.setObject(parameter++, filter.sessionId());
                }
                if (filter.text() != null) {
                    page.setString(parameter++, filter.text());
                    page.setString(parameter++, filter.text());
                    page.setString(parameter++, filter.text());
                    page.setString(parameter++, filter.asTicketCode());
                }
                page.setInt(parameter, limit + 1);
                List<Registration> read = new ArrayList<>(Math.min(limit + 1, 1024));
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        read.add(onTheRoll(row));
                    }
                }
                return read;
            }
        });
        return Slice.of(rows, limit);
    }

    /** The id of the event's registration holding this ticket, if any (no entity is loaded). */
    public java.util.Optional<UUID> holderOfTicket(UUID eventId, String ticketCode) {
        return entityManager.createQuery("select r.id from Registration r where r.ticketCode = ?1 and r.eventId = ?2",
                UUID.class).setParameter(1, ticketCode).setParameter(2, eventId).getResultStream().findFirst();
    }

    private Registration onTheRoll(ResultSet row) throws SQLException {
        Registration registration = new Registration();
        registration.id = row.getObject(1, UUID.class);
        registration.eventId = row.getObject(2, UUID.class);
        registration.attendeeEmail = row.getString(3);
        registration.attendeeName = row.getString(4);
        registration.status = RegistrationStatus.valueOf(row.getString(5));
        registration.waitlistRank = row.getObject(6, Long.class);
        registration.registeredAt = instant(row, 7);
        registration.promotedAt = instant(row, 8);
        registration.cancelledAt = instant(row, 9);
        registration.seq = row.getLong(10);
        registration.organisation = row.getString(11);
        registration.lateCancellation = row.getBoolean(12);
        registration.checkedInAt = instant(row, 13);
        registration.noShow = row.getBoolean(14);
        registration.answers = answers(row.getString(15), registration.id);
        registration.groupId = row.getObject(16, UUID.class);
        registration.language = row.getString(17);
        registration.ticketCode = row.getString(18);
        return registration;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Map<String, Object> answers(String json, UUID registrationId) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answers of registration " + registrationId + " are not readable", e);
        }
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
