package app.convene.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents.BudgetCreated;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.RegistrationEvents.EventScheduled;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.event.VenueEvents.ReadinessChanged;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.config.BriefingConfig;
import app.convene.notification.domain.Briefing;
import app.convene.notification.domain.EventDigest;

/** Keeps each event's digest current from every service's announcements and plans its briefings. */
@ApplicationScoped
public class BriefingPlanner {
    @Inject
    Outbox outbox;
    @Inject
    BriefingConfig config;

    public record EventBriefings(EventDigest digest, List<Briefing> briefings) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(EventScheduled scheduled) {
        EventDigest digest = findOrCreate(scheduled.eventId());
        boolean timesChanged = !scheduled.startsAt().equals(digest.startsAt)
                || !scheduled.endsAt().equals(digest.endsAt);
        digest.title = scheduled.title();
        digest.startsAt = scheduled.startsAt();
        digest.endsAt = scheduled.endsAt();
        digest.timeZone = scheduled.timeZone();
        digest.updatedAt = Instant.now();
        if (timesChanged) {
            Briefing.delete("eventId = ?1 and status = ?2", digest.eventId, Briefing.Status.SCHEDULED);
            for (Duration before : config.preEventOffsets()) {
                plan(digest, Briefing.Kind.PRE_EVENT, digest.startsAt.minus(before));
            }
            plan(digest, Briefing.Kind.POST_EVENT, digest.endsAt.plus(config.postEventOffset()));
        }
    }

    /** Newest headcount wins; one arriving late or replayed changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(HeadcountChanged headcount) {
        EventDigest digest = findOrCreate(headcount.eventId());
        if (headcount.sequence() <= digest.headcountSequence) {
            return;
        }
        digest.headcountSequence = headcount.sequence();
        digest.confirmed = headcount.confirmed();
        digest.waitlisted = headcount.waitlisted();
        digest.checkedIn = headcount.checkedIn();
        digest.noShows = headcount.noShows();
        digest.updatedAt = Instant.now();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetCreated(BudgetCreated created) {
        EventDigest digest = findOrCreate(created.eventId());
        if (digest.budgetStatus == null) {
            digest.budgetStatus = created.status();
            digest.updatedAt = Instant.now();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReadinessChanged(ReadinessChanged readiness) {
        EventDigest digest = findOrCreate(readiness.eventId());
        digest.venueReady = readiness.ready();
        digest.venueReadinessReason = readiness.reason();
        digest.updatedAt = Instant.now();
    }

    public EventBriefings briefings(UUID eventId) {
        EventDigest digest = EventDigest.findById(eventId);
        if (digest == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return new EventBriefings(digest, Briefing.forEvent(eventId));
    }

    private void plan(EventDigest digest, Briefing.Kind kind, Instant dueAt) {
        Briefing briefing = new Briefing();
        briefing.id = UUID.randomUUID();
        briefing.eventId = digest.eventId;
        briefing.kind = kind;
        briefing.dueAt = dueAt;
        briefing.status = Briefing.Status.SCHEDULED;
        briefing.persist();
        outbox.append(NotificationEvents.BRIEFING_SCHEDULED, NotificationEvents.AGGREGATE, digest.eventId,
                new NotificationEvents.BriefingScheduled(digest.eventId, briefing.id, kind.name(), dueAt));
    }

    private EventDigest findOrCreate(UUID eventId) {
        EventDigest digest = EventDigest.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (digest == null) {
            digest = new EventDigest();
            digest.eventId = eventId;
            digest.headcountSequence = -1;
            digest.updatedAt = Instant.now();
            digest.persistAndFlush();
        }
        return digest;
    }
}
