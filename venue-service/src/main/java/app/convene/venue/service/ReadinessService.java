package app.convene.venue.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.venue.domain.EventReadiness;

/**
 * Assesses whether an event is ready and announces every change of the overall state. Rooms, bookings, checklists,
 * inspections and insurance add their checks here as they arrive.
 */
@ApplicationScoped
public class ReadinessService {
    @Inject
    Outbox outbox;

    public enum CheckStatus {
        MET, NOT_MET, UNKNOWN
    }

    public record Check(String name, CheckStatus status, String reason) {
    }

    public record Assessment(EventReadiness event, boolean ready, List<Check> checks) {
        public String reason() {
            return checks.stream().filter(c -> c.status() != CheckStatus.MET).map(Check::reason).findFirst()
                    .orElse("every check is met");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(EventScheduled scheduled) {
        EventReadiness event = findOrCreate(scheduled.eventId());
        event.title = scheduled.title();
        event.startsAt = scheduled.startsAt();
        event.endsAt = scheduled.endsAt();
        event.timeZone = scheduled.timeZone();
        reassess(event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(HeadcountChanged headcount) {
        EventReadiness event = findOrCreate(headcount.eventId());
        if (headcount.sequence() <= event.headcountSequence) {
            return;
        }
        event.headcountSequence = headcount.sequence();
        event.expectedHeadcount = headcount.confirmed();
        reassess(event);
    }

    public Assessment assess(UUID eventId) {
        EventReadiness event = EventReadiness.findById(eventId);
        if (event == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return assess(event);
    }

    private Assessment assess(EventReadiness event) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("room booked", CheckStatus.NOT_MET, "no room is booked for the event"));
        checks.add(new Check("headcount within safe occupancy", CheckStatus.UNKNOWN,
                event.expectedHeadcount + " expected; safe occupancy unknown until a room is booked"));
        boolean ready = checks.stream().allMatch(c -> c.status() == CheckStatus.MET);
        return new Assessment(event, ready, checks);
    }

    /** Announces the overall state when it is first known and whenever it flips. */
    private void reassess(EventReadiness event) {
        event.updatedAt = Instant.now();
        Assessment assessment = assess(event);
        if (event.ready == null || event.ready != assessment.ready()) {
            event.ready = assessment.ready();
            outbox.append(VenueEvents.READINESS_CHANGED, VenueEvents.AGGREGATE, event.eventId,
                    new VenueEvents.ReadinessChanged(event.eventId, assessment.ready(), assessment.reason()));
        }
    }

    private EventReadiness findOrCreate(UUID eventId) {
        EventReadiness event = EventReadiness.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            event = new EventReadiness();
            event.eventId = eventId;
            event.headcountSequence = -1;
            event.updatedAt = Instant.now();
            event.persistAndFlush();
        }
        return event;
    }
}
