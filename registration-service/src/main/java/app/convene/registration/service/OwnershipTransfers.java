package app.convene.registration.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.meeting.persistence.MeetingSeriesRepository;
import app.convene.registration.meeting.service.RecurringMeetings;

/**
 * When someone leaves: everything they own in the caller's organisation (meeting series, events and meetings, past
 * ones too) passes to a successor, each change announced like any change of access. The leaver keeps no place on
 * what they owned, nor do the delegates who acted for them. At most {@link #BATCH} series and events per call, so
 * no transaction holds thousands of row locks; {@code remaining} says whether to call again.
 */
@ApplicationScoped
public class OwnershipTransfers {
    static final int BATCH = 200;

    @Inject
    EntityManager entityManager;
    @Inject
    EventOwnership ownership;
    @Inject
    RecurringMeetings meetings;
    @Inject
    MeetingSeriesRepository seriesRepository;
    @Inject
    Caller caller;

    /** What one call handed over, and what the leaver still owns. */
    public record Transfer(String from, String to, int series, int events, long remaining) {
    }

    @Transactional
    public Transfer transferAll(String from, String to) {
        String leaver = EventAccess.normalise(from);
        String successor = EventAccess.normalise(to);
        if (leaver.equals(successor)) {
            throw ProblemException.invalidField("to", "must differ from from");
        }
        String organisation = caller.organisation();
        int series = 0;
        int events = 0;
        // Series first, in id order: their occurrences still to come go with them.
        for (UUID seriesId : ids("select id from meeting_series where organisation = :org and owner = :owner "
                + "order by id limit :limit", organisation, leaver)) {
            MeetingSeries locked = seriesRepository.lock(seriesId);
            if (locked.owner.equals(leaver)) {
                events += meetings.handOver(locked, successor, false);
                series++;
            }
        }
        for (UUID eventId : ids("select event_id from event_access where organisation = :org and owner = :owner "
                + "order by event_id limit :limit", organisation, leaver)) {
            if (events >= BATCH) {
                break;
            }
            if (ownership.handOver(eventId, leaver, successor, false)) {
                events++;
            }
        }
        long remaining = ((Number) entityManager.createNativeQuery("""
                select (select count(*) from meeting_series where organisation = :org and owner = :owner)
                     + (select count(*) from event_access where organisation = :org and owner = :owner)
                """).setParameter("org", organisation).setParameter("owner", leaver).getSingleResult()).longValue();
        return new Transfer(leaver, successor, series, events, remaining);
    }

    private List<UUID> ids(String sql, String organisation, String owner) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(sql).setParameter("org", organisation)
                .setParameter("owner", owner).setParameter("limit", BATCH).getResultList();
        return ids;
    }
}
