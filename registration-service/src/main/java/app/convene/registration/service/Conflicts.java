package app.convene.registration.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.access.EventAccessGuard;

/**
 * Person-level clashes: the same attendee in two events (or two chosen sessions) that overlap in time, or the same
 * speaker in two overlapping sessions. Times overlap when each starts before the other ends. Only events of the
 * caller's organisation that the caller may see are considered: another organisation's events, and confidential
 * events of others, are never named.
 */
@ApplicationScoped
public class Conflicts {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessRules rules;
    @Inject
    EventAccessGuard guard;

    public enum Kind {
        ATTENDEE_IN_OVERLAPPING_EVENTS, ATTENDEE_IN_OVERLAPPING_SESSIONS, SPEAKER_IN_OVERLAPPING_SESSIONS
    }

    /** Where a person is expected: an event, or a session (with its event). */
    public record Commitment(UUID eventId, UUID sessionId, String title, Instant startsAt, Instant endsAt) {
    }

    public record Conflict(Kind kind, String person, Commitment here, Commitment elsewhere) {
    }

    /** For the event's owner, co-organizers and delegates. */
    public List<Conflict> forEvent(UUID eventId) {
        rules.requireMember(eventId);
        return find(eventId, null, true);
    }

    /**
     * The clashes one attendee has with this event (for the warning on a registration answer), shown to organizers
     * only (null for attendees). Without session choices there is no clash between sessions to look for.
     */
    public List<Conflict> forAttendee(UUID eventId, String email, boolean hasSessions) {
        // An attendee's token sees no warnings: they would tell where else (and whether) people are registered.
        return rules.seesOthers() ? find(eventId, email, hasSessions) : null;
    }

    private List<Conflict> find(UUID eventId, String email, boolean withSessions) {
        List<Conflict> conflicts = new ArrayList<>();
        String attendeeFilter = email == null ? "" : " and lower(r.attendee_email) = lower(:email)";
        collect(conflicts, Kind.ATTENDEE_IN_OVERLAPPING_EVENTS, """
                select r.attendee_email, e.id, null, e.title, e.starts_at, e.ends_at,
                       o.id, null, o.title, o.starts_at, o.ends_at
                from registration r
                join event e on e.id = r.event_id
                join registration ro on lower(ro.attendee_email) = lower(r.attendee_email)
                     and ro.event_id <> r.event_id and ro.status <> 'CANCELLED'
                join event o on o.id = ro.event_id and o.status <> 'CANCELLED'
                where r.event_id = :eventId and r.status <> 'CANCELLED'
                  and o.starts_at < e.ends_at and e.starts_at < o.ends_at
                  and\s""" + EventAccessGuard.visibleCondition("o.id") + attendeeFilter
                + " order by r.attendee_email, o.starts_at", eventId, email);
        if (withSessions) {
            collect(conflicts, Kind.ATTENDEE_IN_OVERLAPPING_SESSIONS, """
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
                      and (s.starts_at, s.id) < (so.starts_at, so.id)""" + attendeeFilter
                    + " order by r.attendee_email, s.starts_at", eventId, email);
        }
        if (email == null) {
            collect(conflicts, Kind.SPEAKER_IN_OVERLAPPING_SESSIONS, """
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
        return conflicts;
    }

    private void collect(List<Conflict> into, Kind kind, String sql, UUID eventId, String email) {
        var query = entityManager.createNativeQuery(sql).setParameter("eventId", eventId);
        if (sql.contains(":visOrganisation")) {
            guard.bindVisibility(query, false);
        }
        if (email != null && sql.contains(":email")) {
            query.setParameter("email", email);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] r : rows) {
            into.add(new Conflict(kind, (String) r[0],
                    new Commitment((UUID) r[1], (UUID) r[2], (String) r[3], instant(r[4]), instant(r[5])),
                    new Commitment((UUID) r[6], (UUID) r[7], (String) r[8], instant(r[9]), instant(r[10]))));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
