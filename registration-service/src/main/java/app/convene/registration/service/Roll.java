package app.convene.registration.service;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.paging.Slice;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.RollFilter;
import app.convene.registration.domain.Session;
import app.convene.registration.persistence.RegistrationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The attendance roll: registrations in registration order, read page by page with a keyset cursor. */
@ApplicationScoped
public class Roll {
    public static final int MAX_PAGE = 500;
    private static final int EXPORT_BATCH = 1000;

    @Inject
    EventAccessRules rules;
    @Inject
    RegistrationRepository registrations;

    /**
     * One page and the cursor of the next one (null on the last page); {@code waitlistPositions}: the place of each
     * registration of the page on the waiting list (an export's batches leave them out).
     */
    public record Page(List<Registration> registrations, Long nextAfter, Map<UUID, Integer> waitlistPositions) {
        Page(List<Registration> registrations, Long nextAfter) {
            this(registrations, nextAfter, Map.of());
        }
    }

    /**
     * A page of the roll, for the event's owner, co-organizers and delegates (it holds personal data), with the place
     * on the waiting list of those who wait: counted once for the page, over the list up to its last one there.
     */
    public Page page(UUID eventId, RollFilter filter, long after, int limit) {
        rules.requireMember(eventId);
        requireSessionOf(eventId, filter);
        Page page = read(eventId, filter, after, limit);
        List<Registration> waiting = page.registrations().stream()
                .filter(r -> r.status == RegistrationStatus.WAITLISTED).toList();
        if (waiting.isEmpty()) {
            return page;
        }
        long lastRank = waiting.stream().mapToLong(r -> r.waitlistRank).max().orElseThrow();
        return new Page(page.registrations(), page.nextAfter(), registrations.waitlistPositions(eventId,
                waiting.stream().map(r -> r.id).toList(), lastRank));
    }

    /**
     * The whole roll, for the event's owner, co-organizers and delegates: checked now, read as it is iterated, in
     * batches, each in its own short transaction (an export never holds one open while it writes).
     */
    public Iterable<Registration> export(UUID eventId, RollFilter filter) {
        rules.requireMember(eventId);
        requireSessionOf(eventId, filter);
        return () -> new Iterator<>() {
            private Page batch = read(0);
            private Iterator<Registration> rows = batch.registrations().iterator();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext() && batch.nextAfter() != null) {
                    batch = read(batch.nextAfter());
                    rows = batch.registrations().iterator();
                }
                return rows.hasNext();
            }

            @Override
            public Registration next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }

            private Page read(long after) {
                return QuarkusTransaction.requiringNew().call(() -> Roll.this.read(eventId, filter, after,
                        EXPORT_BATCH));
            }
        };
    }

    /** A session to filter by must be one of the event's. */
    private static void requireSessionOf(UUID eventId, RollFilter filter) {
        if (filter.sessionId() == null) {
            return;
        }
        Session session = Session.findById(filter.sessionId());
        if (session == null || !session.eventId.equals(eventId)) {
            throw ProblemException.invalidField("sessionId", "is not a session of this event");
        }
    }

    private Page read(UUID eventId, RollFilter filter, long after, int limit) {
        Slice<Registration> page = registrations.roll(eventId, filter, after, limit);
        return new Page(page.rows(), page.next(r -> r.seq));
    }
}
