package app.convene.registration.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.paging.Slice;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventCursor;
import app.convene.registration.domain.EventFilter;

/** Reads and writes the {@code event} rows: the row lock, the atomic placement of arrivals, the visible lists. */
@ApplicationScoped
public class EventRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /** The event with its row locked until commit; null when there is no such event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lockForUpdate(UUID eventId) {
        return Event.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The event as it is now in the database, after a statement changed its row behind the entity's back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event reread(Event event) {
        entityManager.refresh(event);
        return event;
    }

    /**
     * The event's counts right after arrivals were placed. {@code seated} says whether they took seats or joined the
     * waiting list; the arrivals hold the last places of the counts (waiting-list ranks up to
     * {@code waitlistCounter}, positions up to {@code waitlisted}). {@code language} is the event's, the arrivals'
     * language unless they chose their own.
     */
    public record Placed(boolean seated, int confirmed, int waitlisted, long waitlistCounter, long headcountSequence,
            int checkedIn, int noShows, int effectiveCapacity, String language) {
    }

    /**
     * Places {@code arrivals} people together in one atomic statement: all seated when that many seats are free and
     * nobody waits (arrivals never jump the waiting list), otherwise all on the waiting list. The statement takes the
     * event's row lock, held until commit, so placements are decided one at a time, on the row as it is when the lock
     * is granted, and never exceed the seats.
     * Empty when there is no such event or it does not take them (not published, or outside the registration window,
     * unless {@code anyTime}): the statement itself is the check, so nothing needs to be read before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Placed> place(UUID eventId, int arrivals, Instant now, boolean anyTime) {
        // Every registration runs it, so it goes over the transaction's connection directly, with no query for
        // Hibernate to prepare and no result columns to resolve on each run. No change to the event waits to be flushed
        // before it: a registration changes nothing before its placement.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update event e set
                        confirmed_count = e.confirmed_count + case when e.confirmed_count + p.arrivals <= least(
                            e.capacity, coalesce(e.room_safe_occupancy, e.capacity)) and e.waitlisted_count = 0
                            then p.arrivals else 0 end,
                        waitlisted_count = e.waitlisted_count + case when e.confirmed_count + p.arrivals <= least(
                            e.capacity, coalesce(e.room_safe_occupancy, e.capacity)) and e.waitlisted_count = 0
                            then 0 else p.arrivals end,
                        waitlist_counter = e.waitlist_counter + case when e.confirmed_count + p.arrivals <= least(
                            e.capacity, coalesce(e.room_safe_occupancy, e.capacity)) and e.waitlisted_count = 0
                            then 0 else p.arrivals end,
                        headcount_sequence = e.headcount_sequence + 1
                    from (select cast(? as integer) as arrivals, cast(? as boolean) as any_time,
                                 cast(? as timestamptz) as now) p
                    where e.id = ? and e.status = 'PUBLISHED'
                      and (p.any_time or ((e.registration_opens_at is null or e.registration_opens_at <= p.now)
                                          and p.now < coalesce(e.registration_closes_at, e.starts_at)))
                    returning e.confirmed_count, e.waitlisted_count, e.waitlist_counter, e.headcount_sequence,
                              e.checked_in_count, e.no_show_count,
                              least(e.capacity, coalesce(e.room_safe_occupancy, e.capacity)), e.language""")) {
                update.setInt(1, arrivals);
                update.setBoolean(2, anyTime);
                update.setObject(3, now.atOffset(ZoneOffset.UTC));
                update.setObject(4, eventId);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    int waitlisted = row.getInt(2);
                    // Seated arrivals leave the waiting list as they found it: empty. Waitlisted ones are on it.
                    return Optional.of(new Placed(waitlisted == 0, row.getInt(1), waitlisted, row.getLong(3),
                            row.getLong(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getString(8)));
                }
            }
        });
    }

    /**
     * The condition under which an attendee (the subject bound as {@code :visSubject}) may read the event in alias
     * {@code event}, whose access is in alias {@code access}: it is published (or cancelled) and not confidential, or
     * the attendee holds a registration for it. The same rule as {@code EventAccessRules.read}, for list queries.
     */
    public static String attendeeMayRead(String event, String access) {
        return ("((%1$s.status <> 'DRAFT' and not %2$s.confidential) or exists (select 1 from registration r "
                + "where r.event_id = %1$s.id and lower(r.attendee_email) = :visSubject))").formatted(event, access);
    }

    /**
     * A page of the events of the caller's organisation that the caller may see, in start order (then id): those the
     * backbone's visibility rule shows staff, and for {@code attendee} callers the published (or cancelled) ones that
     * are not confidential and those they hold a registration for.
     */
    public Slice<Event> visible(EventFilter filter, EventCursor after, boolean attendee, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.* from event e join event_access a on a.event_id = e.id
                where a.organisation = :visOrganisation and (""").append(EventAccessGuard.visibleCondition("e.id"))
                .append(" or (:attendee and ").append(attendeeMayRead("e", "a")).append("))");
        if (filter.from() != null) {
            sql.append(" and e.starts_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and e.starts_at < :to");
        }
        if (filter.status() != null) {
            sql.append(" and e.status = :status");
        }
        if (filter.text() != null) {
            sql.append(" and strpos(lower(e.title), lower(:text)) > 0");
        }
        if (filter.ownedByCaller()) {
            sql.append(" and a.owner = :visSubject");
        }
        if (after != null) {
            sql.append(" and (e.starts_at, e.id) > (:afterStart, :afterId)");
        }
        sql.append(" order by e.starts_at, e.id limit :rows");
        Query query = guard.bindVisibility(entityManager.createNativeQuery(sql.toString(), Event.class), false)
                .setParameter("attendee", attendee).setParameter("rows", limit + 1);
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.text() != null) {
            query.setParameter("text", filter.text());
        }
        if (after != null) {
            query.setParameter("afterStart", after.startsAt()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Event> rows = query.getResultList();
        return Slice.of(rows, limit);
    }

    /** The events with these ids. */
    public List<Event> withIds(List<UUID> eventIds) {
        return Event.list("id in ?1", eventIds);
    }

    /** A change of one occurrence of a meeting series is a change of the series' calendar: its SEQUENCE grows. */
    public void occurrenceChanged(Event event) {
        if (event.seriesId != null) {
            entityManager.createNativeQuery("update meeting_series set sequence = sequence + 1 where id = ?1")
                    .setParameter(1, event.seriesId).executeUpdate();
        }
    }
}
