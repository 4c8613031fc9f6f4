package app.convene.registration.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.registration.domain.Conflict;
import app.convene.registration.domain.Conflict.Commitment;
import app.convene.registration.domain.Conflict.Kind;

/**
 * Reads the overlaps of people's commitments around one event. Times overlap when each starts before the other ends.
 * Other events are read only where the backbone's visibility rule lets the caller see them. {@code email}, when
 * given, keeps one attendee's overlaps.
 */
@ApplicationScoped
public class ConflictRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /** Attendees of the event also registered for another event (not cancelled) that overlaps it. */
    public List<Conflict> attendeesInOverlappingEvents(UUID eventId, String email) {
        return read(Kind.ATTENDEE_IN_OVERLAPPING_EVENTS, """
                select r.attendee_email, e.id, null, e.title, e.starts_at, e.ends_at,
                       o.id, null, o.title, o.starts_at, o.ends_at
                from registration r
                join event e on e.id = r.event_id
                join registration ro on lower(ro.attendee_email) = lower(r.attendee_email)
                     and ro.event_id <> r.event_id and ro.status <> 'CANCELLED'
                join event o on o.id = ro.event_id and o.status <> 'CANCELLED'
                where r.event_id = :eventId and r.status <> 'CANCELLED'
                  and o.starts_at < e.ends_at and e.starts_at < o.ends_at
                  and\s""" + EventAccessGuard.visibleCondition("o.id") + attendee(email)
                + " order by r.attendee_email, o.starts_at", eventId, email);
    }

    /**
     * What a newcomer's registration for the event would clash with, read before it exists: the other events (not
     * cancelled) the person is registered for that overlap this one. The same rows as
     * {@link #attendeesInOverlappingEvents} gives once the registration is written.
     */
    public List<Conflict> newcomerInOverlappingEvents(UUID eventId, String email) {
        // Every registration an organizer makes reads it: over the transaction's connection directly, as the
        // registrations it looks at are written only when the newcomer is placed, after this read.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select e.id, e.title, e.starts_at, e.ends_at, o.id, o.title, o.starts_at, o.ends_at
                    from event e
                    join registration ro on lower(ro.attendee_email) = lower(?)
                         and ro.event_id <> e.id and ro.status <> 'CANCELLED'
                    join event o on o.id = ro.event_id and o.status <> 'CANCELLED'
                    where e.id = ?
                      and o.starts_at < e.ends_at and e.starts_at < o.ends_at
                      and\s""" + EventAccessGuard.visibleConditionByPosition("o.id") + " order by o.starts_at")) {
                select.setString(1, email);
                select.setObject(2, eventId);
                guard.bindVisibility(select, 3, false);
                List<Conflict> conflicts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        conflicts.add(new Conflict(Kind.ATTENDEE_IN_OVERLAPPING_EVENTS, email,
                                new Commitment(rows.getObject(1, UUID.class), null, rows.getString(2),
                                        instant(rows.getObject(3)), instant(rows.getObject(4))),
                                new Commitment(rows.getObject(5, UUID.class), null, rows.getString(6),
                                        instant(rows.getObject(7)), instant(rows.getObject(8)))));
                    }
                }
                return conflicts;
            }
        });
    }

    /**
     * The pairs of the event's sessions among {@code sessionIds} that overlap each other (each pair once, no person
     * named): a newcomer choosing them has the clashes {@link #attendeesInOverlappingSessions} reads once the choices
     * are written.
     */
    public List<Conflict> overlapsAmongSessions(UUID eventId, List<UUID> sessionIds) {
        return conflicts(Kind.ATTENDEE_IN_OVERLAPPING_SESSIONS, entityManager.createNativeQuery("""
                select null, s.event_id, s.id, s.title, s.starts_at, s.ends_at,
                       so.event_id, so.id, so.title, so.starts_at, so.ends_at
                from session s
                join session so on so.id in (:sessionIds) and so.id <> s.id
                where s.event_id = :eventId and s.id in (:sessionIds)
                  and so.starts_at < s.ends_at and s.starts_at < so.ends_at
                  and (s.starts_at, s.id) < (so.starts_at, so.id)
                order by s.starts_at""").setParameter("eventId", eventId).setParameter("sessionIds", sessionIds));
    }

    /** Attendees of the event whose chosen sessions overlap each other (each pair once). */
    public List<Conflict> attendeesInOverlappingSessions(UUID eventId, String email) {
        return read(Kind.ATTENDEE_IN_OVERLAPPING_SESSIONS, """
                select r.attendee_email, s.event_id, s.id, s.title, s.starts_at, s.ends_at,
                       so.event_id, so.id, so.title, so.starts_at, so.ends_at
                from registration r
                join registration_session rs on rs.registration_id = r.id and rs.status <> 'DROPPED'
                join session s on s.id = rs.session_id
                join registration_session rso on rso.registration_id = r.id and rso.status <> 'DROPPED'
                     and rso.session_id <> rs.session_id
                join session so on so.id = rso.session_id
                where r.event_id = :eventId and r.status <> 'CANCELLED'
                  and so.starts_at < s.ends_at and s.starts_at < so.ends_at
                  and (s.starts_at, s.id) < (so.starts_at, so.id)""" + attendee(email)
                + " order by r.attendee_email, s.starts_at", eventId, email);
    }

    /** Speakers of the event's sessions who speak in an overlapping session, here or in another event. */
    public List<Conflict> speakersInOverlappingSessions(UUID eventId) {
        return read(Kind.SPEAKER_IN_OVERLAPPING_SESSIONS, """
                select sp.email, s.event_id, s.id, s.title, s.starts_at, s.ends_at,
                       so.event_id, so.id, so.title, so.starts_at, so.ends_at
                from session s
                join session_speaker sp on sp.session_id = s.id
                join session_speaker spo on lower(spo.email) = lower(sp.email) and spo.session_id <> s.id
                join session so on so.id = spo.session_id
                join event eo on eo.id = so.event_id and eo.status <> 'CANCELLED'
                where s.event_id = :eventId
                  and so.starts_at < s.ends_at and s.starts_at < so.ends_at
                  and (so.event_id <> s.event_id or (s.starts_at, s.id) < (so.starts_at, so.id))
                  and\s""" + EventAccessGuard.visibleCondition("so.event_id") + """
                order by sp.email, s.starts_at""", eventId, null);
    }

    private static String attendee(String email) {
        return email == null ? "" : " and lower(r.attendee_email) = lower(:email)";
    }

    private List<Conflict> read(Kind kind, String sql, UUID eventId, String email) {
        Query query = entityManager.createNativeQuery(sql).setParameter("eventId", eventId);
        if (sql.contains(":visOrganisation")) {
            guard.bindVisibility(query, false);
        }
        if (email != null) {
            query.setParameter("email", email);
        }
        return conflicts(kind, query);
    }

    private static List<Conflict> conflicts(Kind kind, Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Conflict> conflicts = new ArrayList<>();
        for (Object[] r : rows) {
            conflicts.add(new Conflict(kind, (String) r[0],
                    new Commitment((UUID) r[1], (UUID) r[2], (String) r[3], instant(r[4]), instant(r[5])),
                    new Commitment((UUID) r[6], (UUID) r[7], (String) r[8], instant(r[9]), instant(r[10]))));
        }
        return conflicts;
    }
}
