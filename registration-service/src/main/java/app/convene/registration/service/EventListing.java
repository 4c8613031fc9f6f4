package app.convene.registration.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Registration;
import app.convene.registration.service.EventCatalog.EventView;

/**
 * The lists a front-end shows: the events the caller may see ("my events", filtered, page by page) and the caller's
 * own registrations. Both are read with a keyset cursor, so pages stay stable while events and registrations are
 * added, and never show anything of another organisation.
 */
@ApplicationScoped
public class EventListing {
    public static final int MAX_PAGE = 200;
    private static final TypeReference<List<String>> SUBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<List<EventAccess.Delegate>> DELEGATES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    EventCatalog catalog;

    /** {@code from} inclusive, {@code to} exclusive, both on the start; {@code text} in the title, any case. */
    public record EventFilter(Instant from, Instant to, EventStatus status, String text, boolean ownedByCaller) {
    }

    /** Where a page of events ends: the last event's start and id. */
    public record EventCursor(Instant startsAt, UUID id) {
    }

    public record EventPage(List<EventView> events, EventCursor next) {
    }

    /** An own registration with the event it is for. */
    public record OwnRegistration(Registration registration, Event event) {
    }

    public record RegistrationPage(List<OwnRegistration> registrations, Long nextBefore) {
    }

    /**
     * The events the caller may see, in start order. Staff: every event of their organisation that is not
     * confidential, and the confidential ones they are owner, co-organizer or delegate of. Attendees: the published
     * (or cancelled) events of their organisation that are not confidential, and those they hold a registration for.
     */
    public EventPage events(EventFilter filter, EventCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.* from event e join event_access a on a.event_id = e.id
                where a.organisation = :visOrganisation and (""").append(EventAccessGuard.visibleCondition("e.id"))
                .append(" ").append("""
                         or (:attendee and ((e.status <> 'DRAFT' and not a.confidential) or exists (
                            select 1 from registration r where r.event_id = e.id
                            and lower(r.attendee_email) = :visSubject))))""");
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
                .setParameter("attendee", !caller.isStaff()).setParameter("rows", limit + 1);
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
        List<Event> rows = new ArrayList<>(query.getResultList());
        EventCursor next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            Event last = rows.get(limit - 1);
            next = new EventCursor(last.startsAt, last.id);
        }
        Map<UUID, EventAccess> access = accessOf(rows.stream().map(e -> e.id).toList());
        return new EventPage(rows.stream().map(e -> catalog.view(e, access.get(e.id))).toList(), next);
    }

    /** The caller's own registrations for events of the caller's organisation, newest first. */
    public RegistrationPage ownRegistrations(Long before, int limit) {
        StringBuilder sql = new StringBuilder("""
                select r.* from registration r join event_access a on a.event_id = r.event_id
                where lower(r.attendee_email) = :subject and a.organisation = :organisation""");
        if (before != null) {
            sql.append(" and r.seq < :before");
        }
        sql.append(" order by lower(r.attendee_email), r.seq desc limit :rows");
        Query query = entityManager.createNativeQuery(sql.toString(), Registration.class)
                .setParameter("subject", caller.subject()).setParameter("organisation", caller.organisation())
                .setParameter("rows", limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Registration> rows = new ArrayList<>(query.getResultList());
        Long next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = rows.get(limit - 1).seq;
        }
        Map<UUID, Event> events = rows.isEmpty() ? Map.of()
                : Event.<Event>list("id in ?1", rows.stream().map(r -> r.eventId).distinct().toList()).stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return new RegistrationPage(rows.stream().map(r -> new OwnRegistration(r, events.get(r.eventId))).toList(),
                next);
    }

    /** The access of a page of events, in one read. */
    private Map<UUID, EventAccess> accessOf(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select event_id, organisation, owner, confidential, cast(co_organizers as text), cast(delegates as text)
                from event_access where event_id in (:ids)
                """).setParameter("ids", eventIds).getResultList();
        try {
            Map<UUID, EventAccess> access = new java.util.HashMap<>();
            for (Object[] row : rows) {
                access.put((UUID) row[0], new EventAccess((String) row[1], (String) row[2], (Boolean) row[3],
                        objectMapper.readValue((String) row[4], SUBJECTS),
                        objectMapper.readValue((String) row[5], DELEGATES)));
            }
            return access;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_access is unreadable", e);
        }
    }
}
