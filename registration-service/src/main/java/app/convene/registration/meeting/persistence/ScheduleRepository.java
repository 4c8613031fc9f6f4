package app.convene.registration.meeting.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.convene.backbone.access.EventAccessGuard;

/** The organisation's events in a time range as the caller may see them, and the people booked into two at once. */
@ApplicationScoped
public class ScheduleRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /** One event on the schedule. */
    public record Entry(UUID eventId, UUID seriesId, String title, Instant startsAt, Instant endsAt, String timeZone,
            String status, String owner, String venueId, String roomId, String department) {
    }

    /** A person confirmed for two events that overlap. */
    public record Clash(String person, UUID firstEventId, UUID secondEventId, Instant from, Instant until) {
    }

    /**
     * Visible events overlapping from..to (cancelled ones too), by start; filtered by owner, room or a person
     * confirmed for them when given, and by department (case-insensitive). At most {@code limit}.
     */
    public List<Entry> entries(Instant from, Instant to, String owner, String roomId, String department,
            String person, int limit) {
        String sql = """
                select e.id, e.series_id, e.title, e.starts_at, e.ends_at, e.time_zone, e.status, a.owner,
                       e.venue_id, e.room_id, e.department
                from event e join event_access a on a.event_id = e.id
                where e.starts_at < :to and e.ends_at > :from""" + " and " + EventAccessGuard.visibleCondition("e.id")
                + (owner == null ? "" : " and lower(a.owner) = lower(:owner)")
                + (roomId == null ? "" : " and e.room_id = :room")
                + (department == null ? "" : " and lower(e.department) = lower(:department)")
                + (person == null ? "" : " and exists (select 1 from registration r where r.event_id = e.id"
                        + " and r.status = 'CONFIRMED' and lower(r.attendee_email) = lower(:person))")
                + " order by e.starts_at, e.id limit :limit";
        Query query = entityManager.createNativeQuery(sql).setParameter("from", from).setParameter("to", to)
                .setParameter("limit", limit);
        guard.bindVisibility(query, false);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        if (roomId != null) {
            query.setParameter("room", roomId);
        }
        if (department != null) {
            query.setParameter("department", department);
        }
        if (person != null) {
            query.setParameter("person", person);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], (UUID) r[1], (String) r[2], (Instant) r[3],
                (Instant) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10])).toList();
    }

    /** People confirmed for two of these events (neither cancelled) whose times overlap. */
    public List<Clash> clashes(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select lower(r1.attendee_email), e1.id, e2.id, greatest(e1.starts_at, e2.starts_at),
                       least(e1.ends_at, e2.ends_at)
                from registration r1
                join registration r2 on lower(r2.attendee_email) = lower(r1.attendee_email)
                                    and r2.event_id <> r1.event_id and r2.status = 'CONFIRMED'
                join event e1 on e1.id = r1.event_id
                join event e2 on e2.id = r2.event_id
                where r1.status = 'CONFIRMED' and r1.event_id in (:ids) and r2.event_id in (:ids)
                  and e1.status <> 'CANCELLED' and e2.status <> 'CANCELLED'
                  and e1.starts_at < e2.ends_at and e2.starts_at < e1.ends_at
                  and (e1.starts_at, e1.id) < (e2.starts_at, e2.id)
                order by 4, 1, 2, 3""").setParameter("ids", eventIds).getResultList();
        return rows.stream().map(r -> new Clash((String) r[0], (UUID) r[1], (UUID) r[2], (Instant) r[3],
                (Instant) r[4])).toList();
    }
}
