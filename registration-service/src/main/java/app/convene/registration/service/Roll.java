package app.convene.registration.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import io.quarkus.panache.common.Parameters;

/** The attendance roll: registrations in registration order, read page by page with a keyset cursor. */
@ApplicationScoped
public class Roll {
    public static final int MAX_PAGE = 500;

    @Inject
    EventCatalog events;

    public record Filter(RegistrationStatus status, Boolean checkedIn, Boolean noShow) {
    }

    /** One page and the cursor of the next one (null on the last page). */
    public record Page(List<Registration> registrations, Long nextAfter) {
    }

    public Page page(UUID eventId, Filter filter, long after, int limit) {
        events.find(eventId);
        return read(eventId, filter, after, limit);
    }

    /** Without the event check, for exports that read many pages. */
    public Page read(UUID eventId, Filter filter, long after, int limit) {
        StringBuilder query = new StringBuilder("eventId = :eventId and seq > :after");
        Parameters parameters = Parameters.with("eventId", eventId).and("after", after);
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.checkedIn() != null) {
            query.append(filter.checkedIn() ? " and checkedInAt is not null" : " and checkedInAt is null");
        }
        if (filter.noShow() != null) {
            query.append(" and noShow = :noShow");
            parameters.and("noShow", filter.noShow());
        }
        query.append(" order by seq");
        // range() is inclusive: one row more than the page tells whether another page follows.
        List<Registration> rows = new ArrayList<>(
                Registration.<Registration>find(query.toString(), parameters).range(0, limit).list());
        Long next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = rows.get(limit - 1).seq;
        }
        return new Page(rows, next);
    }
}
