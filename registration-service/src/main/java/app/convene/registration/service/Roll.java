package app.convene.registration.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;

/** The attendance roll: registrations in registration order, read page by page with a keyset cursor. */
@ApplicationScoped
public class Roll {
    public static final int MAX_PAGE = 500;

    @Inject
    EventAccessRules rules;
    @Inject
    EntityManager entityManager;

    public record Filter(RegistrationStatus status, Boolean checkedIn, Boolean noShow) {
    }

    /** One page and the cursor of the next one (null on the last page). */
    public record Page(List<Registration> registrations, Long nextAfter) {
    }

    /** A page of the roll, for the event's owner, co-organizers and delegates (it holds personal data). */
    public Page page(UUID eventId, Filter filter, long after, int limit) {
        rules.requireMember(eventId);
        return read(eventId, filter, after, limit);
    }

    /**
     * Without the event check, for exports that read many pages. Plain SQL on the (event, seq) index: a page is one
     * index range scan, with no query translation per request.
     */
    public Page read(UUID eventId, Filter filter, long after, int limit) {
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
        // One row more than the page tells whether another page follows.
        sql.append(" order by seq limit :rows");
        Query query = entityManager.createNativeQuery(sql.toString(), Registration.class)
                .setParameter("eventId", eventId).setParameter("after", after).setParameter("rows", limit + 1);
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.noShow() != null) {
            query.setParameter("noShow", filter.noShow());
        }
        @SuppressWarnings("unchecked")
        List<Registration> rows = new ArrayList<>(query.getResultList());
        Long next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = rows.get(limit - 1).seq;
        }
        return new Page(rows, next);
    }
}
