package app.convene.registration.meeting.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.paging.Slice;
import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.domain.ActionItemPosition;
import app.convene.registration.meeting.domain.AgendaItem;
import app.convene.registration.meeting.domain.Minutes;
import app.convene.registration.persistence.EventRepository;

/** A meeting's agenda, its minutes' revisions, and the action items they give. */
@ApplicationScoped
public class MeetingRecordsRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /** The agenda's published version and time (0 and null before it is first published). */
    public record AgendaState(int version, Instant publishedAt) {
    }

    /** Locks the meeting's agenda (creating its row on first use): its changes are serialised through this lock. */
    public AgendaState lockAgenda(UUID eventId) {
        entityManager.createNativeQuery("insert into agenda (event_id) values (?1) on conflict do nothing")
                .setParameter(1, eventId).executeUpdate();
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select version, published_at from agenda where event_id = ?1 for update")
                .setParameter(1, eventId).getSingleResult();
        return new AgendaState(((Number) row[0]).intValue(), (Instant) row[1]);
    }

    public AgendaState agendaState(UUID eventId) {
        List<?> rows = entityManager.createNativeQuery("select version, published_at from agenda where event_id = ?1")
                .setParameter(1, eventId).getResultList();
        if (rows.isEmpty()) {
            return new AgendaState(0, null);
        }
        Object[] row = (Object[]) rows.get(0);
        return new AgendaState(((Number) row[0]).intValue(), (Instant) row[1]);
    }

    public AgendaState publishAgenda(UUID eventId, Instant now) {
        entityManager.createNativeQuery("update agenda set version = version + 1, published_at = ?2 where event_id = ?1")
                .setParameter(1, eventId).setParameter(2, now).executeUpdate();
        return agendaState(eventId);
    }

    public List<AgendaItem> agendaItems(UUID eventId) {
        return entityManager.createQuery("from AgendaItem where eventId = :event order by position", AgendaItem.class)
                .setParameter("event", eventId).getResultList();
    }

    /** Gives the items positions 1..n in the order given (the unique position is checked at commit). */
    public void renumber(List<AgendaItem> inOrder) {
        for (int i = 0; i < inOrder.size(); i++) {
            inOrder.get(i).position = i + 1;
        }
        entityManager.flush();
    }

    public Optional<Minutes> latestMinutes(UUID eventId) {
        return entityManager.createQuery("from Minutes where eventId = :event order by revision desc", Minutes.class)
                .setParameter("event", eventId).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<Minutes> minutes(UUID eventId, int revision) {
        return entityManager.createQuery("from Minutes where eventId = :event and revision = :revision", Minutes.class)
                .setParameter("event", eventId).setParameter("revision", revision).getResultStream().findFirst();
    }

    public Optional<Minutes> latestApproved(UUID eventId) {
        return entityManager.createQuery("""
                from Minutes where eventId = :event and status = 'APPROVED' order by revision desc""", Minutes.class)
                .setParameter("event", eventId).setMaxResults(1).getResultStream().findFirst();
    }

    public ActionItem actionItem(UUID id) {
        return entityManager.find(ActionItem.class, id);
    }

    public ActionItem lockActionItem(UUID id) {
        return entityManager.find(ActionItem.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A page of the organisation's action items the caller may see, by due date (then id), filtered; the overdue ones
     * are open and due before {@code overdueOn}. The caller sees its own items, and those of meetings it may read:
     * staff those the backbone's visibility rule shows them; {@code attendee} callers those of meetings that are
     * published (or cancelled) and not confidential, or that they hold a registration for.
     */
    public Slice<ActionItem> actionItems(String owner, UUID seriesId, UUID eventId, ActionItem.Status status,
            LocalDate overdueOn, boolean attendee, ActionItemPosition after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select ai.* from action_item ai
                where ai.organisation = :visOrganisation and (lower(ai.owner) = :visSubject
                  or (not :attendee and\s""").append(EventAccessGuard.visibleCondition("ai.event_id")).append("""
                )
                  or (:attendee and exists (select 1 from event e join event_access a on a.event_id = e.id
                      where e.id = ai.event_id and a.organisation = :visOrganisation and\s""")
                .append(EventRepository.attendeeMayRead("e", "a")).append(")))");
        if (owner != null) {
            sql.append(" and lower(ai.owner) = lower(:owner)");
        }
        if (seriesId != null) {
            sql.append(" and ai.series_id = :series");
        }
        if (eventId != null) {
            sql.append(" and ai.event_id = :event");
        }
        if (status != null) {
            sql.append(" and ai.status = :status");
        }
        if (overdueOn != null) {
            sql.append(" and ai.status = 'OPEN' and ai.due_date < :overdueOn");
        }
        if (after != null) {
            sql.append(" and (ai.due_date, ai.id) > (:afterDue, :afterId)");
        }
        sql.append(" order by ai.due_date, ai.id limit :rows");
        Query query = guard.bindVisibility(entityManager.createNativeQuery(sql.toString(), ActionItem.class), false)
                .setParameter("attendee", attendee).setParameter("rows", limit + 1);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        if (seriesId != null) {
            query.setParameter("series", seriesId);
        }
        if (eventId != null) {
            query.setParameter("event", eventId);
        }
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (overdueOn != null) {
            query.setParameter("overdueOn", overdueOn);
        }
        if (after != null) {
            query.setParameter("afterDue", after.dueDate()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<ActionItem> rows = query.getResultList();
        return Slice.of(rows, limit);
    }

    /** Open action items of the series' other meetings that are overdue by {@code date}. */
    public List<ActionItem> carriedInto(UUID seriesId, UUID eventId, LocalDate date) {
        return entityManager.createQuery("""
                from ActionItem where seriesId = :series and eventId <> :event and status = 'OPEN' and dueDate < :date
                order by dueDate, id""", ActionItem.class).setParameter("series", seriesId)
                .setParameter("event", eventId).setParameter("date", date).getResultList();
    }

    /** Open action items past their due date that were not announced yet, locked (skipping those being handled). */
    public List<ActionItem> overdueNotAnnounced(LocalDate today, int limit) {
        return entityManager.createQuery("""
                from ActionItem where status = 'OPEN' and overdueAnnouncedAt is null and dueDate < :today
                order by dueDate, id""", ActionItem.class).setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2).setMaxResults(limit).getResultList();
    }
}
