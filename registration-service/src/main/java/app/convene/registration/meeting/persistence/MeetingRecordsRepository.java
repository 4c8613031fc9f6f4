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

import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.domain.AgendaItem;
import app.convene.registration.meeting.domain.Minutes;

/** A meeting's agenda, its minutes' revisions, and the action items they give. */
@ApplicationScoped
public class MeetingRecordsRepository {
    @Inject
    EntityManager entityManager;

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

    public ActionItem lockActionItem(UUID id) {
        return entityManager.find(ActionItem.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The organisation's action items, filtered; the overdue ones are open and due before {@code overdueOn}. */
    public List<ActionItem> actionItems(String organisation, String owner, UUID seriesId, UUID eventId,
            ActionItem.Status status, LocalDate overdueOn, int limit) {
        StringBuilder query = new StringBuilder("from ActionItem where organisation = :organisation");
        if (owner != null) {
            query.append(" and lower(owner) = lower(:owner)");
        }
        if (seriesId != null) {
            query.append(" and seriesId = :series");
        }
        if (eventId != null) {
            query.append(" and eventId = :event");
        }
        if (status != null) {
            query.append(" and status = :status");
        }
        if (overdueOn != null) {
            query.append(" and status = 'OPEN' and dueDate < :overdueOn");
        }
        query.append(" order by dueDate, id");
        var typed = entityManager.createQuery(query.toString(), ActionItem.class)
                .setParameter("organisation", organisation);
        if (owner != null) {
            typed.setParameter("owner", owner);
        }
        if (seriesId != null) {
            typed.setParameter("series", seriesId);
        }
        if (eventId != null) {
            typed.setParameter("event", eventId);
        }
        if (status != null) {
            typed.setParameter("status", status);
        }
        if (overdueOn != null) {
            typed.setParameter("overdueOn", overdueOn);
        }
        return typed.setMaxResults(limit).getResultList();
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
