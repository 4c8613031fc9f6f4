package app.convene.notification.digest.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.config.BriefingConfig;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.domain.FailedInspectionItem;
import app.convene.notification.alert.service.Alerts;
import app.convene.notification.briefing.domain.BriefingFacts;

/**
 * Keeps each event's digest current from every service's announcements and plans its briefings. Each handler runs
 * in the consumer's transaction after the inbox accepted the record (so a duplicate never reaches it); where two
 * announcements could arrive out of order, the payload's sequence or revision decides and an older one changes
 * nothing.
 */
@ApplicationScoped
public class BriefingPlanner {
    @Inject
    Outbox outbox;
    @Inject
    BriefingConfig config;
    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;
    @Inject
    Alerts alerts;
    @Inject
    EventAccessGuard guard;

    public record EventBriefings(EventDigest digest, List<Briefing> briefings) {
    }

    // --- registration -------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(RegistrationEvents.EventScheduled scheduled) {
        EventDigest digest = findOrCreate(scheduled.eventId());
        if (digest.capacity == null) {
            digest.capacity = scheduled.capacity();
        }
        schedule(digest, scheduled.title(), scheduled.startsAt(), scheduled.endsAt(), scheduled.timeZone());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventUpdated(RegistrationEvents.EventUpdated updated) {
        EventDigest digest = findOrCreate(updated.eventId());
        digest.capacity = updated.capacity();
        if ("CANCELLED".equals(updated.status())) {
            cancel(digest, updated.title());
            return;
        }
        if (!digest.cancelled()) {
            digest.eventStatus = updated.status();
        }
        schedule(digest, updated.title(), updated.startsAt(), updated.endsAt(), updated.timeZone());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventCancelled(RegistrationEvents.EventCancelled cancelled) {
        cancel(findOrCreate(cancelled.eventId()), cancelled.title());
    }

    /** Newest headcount wins; one arriving late or replayed changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(RegistrationEvents.HeadcountChanged headcount) {
        EventDigest digest = findOrCreate(headcount.eventId());
        if (headcount.sequence() <= digest.headcountSequence) {
            return;
        }
        digest.headcountSequence = headcount.sequence();
        digest.capacity = headcount.capacity();
        digest.confirmed = headcount.confirmed();
        digest.waitlisted = headcount.waitlisted();
        digest.checkedIn = headcount.checkedIn();
        digest.noShows = headcount.noShows();
        touch(digest);
    }

    /** Counting is order-free, and the inbox keeps a redelivered cancellation from counting twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRegistrationCancelled(RegistrationEvents.RegistrationCancelled cancelled) {
        EventDigest digest = findOrCreate(cancelled.eventId());
        digest.cancellations++;
        if (cancelled.late()) {
            digest.lateCancellations++;
        }
        touch(digest);
    }

    // --- budget -------------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetCreated(BudgetEvents.BudgetCreated created) {
        budgetStatus(findOrCreate(created.eventId()), 0, 0, created.status());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetSubmitted(BudgetEvents.BudgetSubmitted submitted) {
        budgetStatus(findOrCreate(submitted.eventId()), submitted.revision(), 1, "SUBMITTED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetApproved(BudgetEvents.BudgetApproved approved) {
        EventDigest digest = findOrCreate(approved.eventId());
        if (budgetStatus(digest, approved.revision(), 2, "APPROVED")) {
            digest.approvedTotal = approved.approvedTotal();
            digest.tolerancePercent = approved.tolerancePercent();
            digest.currency = approved.currency();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetRejected(BudgetEvents.BudgetRejected rejected) {
        budgetStatus(findOrCreate(rejected.eventId()), rejected.revision(), 2, "REJECTED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onForecastChanged(BudgetEvents.ForecastChanged forecast) {
        EventDigest digest = findOrCreate(forecast.eventId());
        if (forecast.sequence() <= digest.forecastSequence) {
            return;
        }
        digest.forecastSequence = forecast.sequence();
        digest.forecastTotal = forecast.forecastTotal();
        digest.estimateTotal = forecast.estimateTotal();
        digest.committedTotal = forecast.committedTotal();
        digest.actualTotal = forecast.actualTotal();
        digest.forecastCostPerAttendee = forecast.forecastCostPerAttendee();
        digest.currency = forecast.currency();
        touch(digest);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onThresholdExceeded(BudgetEvents.ThresholdExceeded exceeded) {
        EventDigest digest = findOrCreate(exceeded.eventId());
        if (digest.approvedTotal == null && exceeded.approvedTotal() != null) {
            digest.approvedTotal = exceeded.approvedTotal();
            digest.currency = exceeded.currency();
        }
        alerts.raise(digest, Alerts.Kind.BUDGET_THRESHOLD_EXCEEDED,
                exceeded.threshold() + ":" + exceeded.revision() + ":" + exceeded.forecastTotal(),
                new Alerts.Facts(exceeded.threshold(), exceeded.forecastTotal(), exceeded.limit(), exceeded.currency(),
                        null, null, null, null, null));
    }

    // --- venue --------------------------------------------------------------------------------------------------

    /** Venue announcements of one event share a record key, so they arrive in the order they were made. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReadinessChanged(VenueEvents.ReadinessChanged readiness) {
        EventDigest digest = findOrCreate(readiness.eventId());
        boolean wasReady = !Boolean.FALSE.equals(digest.venueReady);
        digest.venueReady = readiness.ready();
        digest.venueReadinessReason = readiness.reason();
        touch(digest);
        if (!readiness.ready() && readiness.reason() != null) {
            entityManager.createNativeQuery("""
                    insert into readiness_issue (event_id, reason, first_seen) values (:e, :r, :t)
                    on conflict do nothing""")
                    .setParameter("e", digest.eventId).setParameter("r", readiness.reason())
                    .setParameter("t", clock.instant()).executeUpdate();
            if (wasReady && digest.venueReady != null && digest.scheduled()) {
                alerts.raise(digest, Alerts.Kind.READINESS_LOST, readiness.reason(),
                        new Alerts.Facts(null, null, null, null, readiness.reason(), null, null, null, null));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingConfirmed(VenueEvents.BookingConfirmed booking) {
        EventDigest digest = findOrCreate(booking.eventId());
        digest.bookingId = booking.bookingId();
        digest.venueName = booking.venueName();
        digest.roomName = booking.roomName();
        digest.safeOccupancy = booking.safeOccupancy();
        touch(digest);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingCancelled(VenueEvents.BookingCancelled cancelled) {
        EventDigest digest = findOrCreate(cancelled.eventId());
        if (cancelled.bookingId().equals(digest.bookingId)) {
            digest.bookingId = null;
            digest.venueName = null;
            digest.roomName = null;
            digest.safeOccupancy = null;
            touch(digest);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSafetyAtRisk(VenueEvents.SafetyAtRisk risk) {
        EventDigest digest = findOrCreate(risk.eventId());
        digest.safetyAtRisk = true;
        digest.expectedHeadcount = risk.expectedHeadcount();
        digest.safeOccupancy = risk.safeOccupancy();
        touch(digest);
        alerts.raise(digest, Alerts.Kind.SAFETY_AT_RISK, risk.bookingId() + ":" + risk.expectedHeadcount(),
                new Alerts.Facts(null, null, null, null, null, risk.expectedHeadcount(), risk.safeOccupancy(), null,
                        null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSafetyRestored(VenueEvents.SafetyRestored restored) {
        EventDigest digest = findOrCreate(restored.eventId());
        digest.safetyAtRisk = false;
        digest.expectedHeadcount = restored.expectedHeadcount();
        if (restored.safeOccupancy() != null) {
            digest.safeOccupancy = restored.safeOccupancy();
        }
        touch(digest);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onInsuranceExpiring(VenueEvents.InsuranceCertificateExpiring expiring) {
        EventDigest digest = findOrCreate(expiring.eventId());
        alerts.raise(digest, Alerts.Kind.INSURANCE_EXPIRING, expiring.certificateId() + ":" + expiring.validTo(),
                new Alerts.Facts(null, null, null, null, expiring.insurer() + " " + expiring.policyNumber(), null,
                        null, expiring.validTo(), null));
    }

    /**
     * Kept for the next briefings (item by item; a repeat of the same inspection changes nothing) and raised at once
     * to the facility and the organizers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onInspectionFailed(VenueEvents.InspectionFailed failed) {
        if (failed.inspectionId() == null || failed.inspectedAt() == null || failed.failedItems() == null
                || failed.failedItems().isEmpty()) {
            throw new PoisonEventException("inspection-failed needs inspectionId, inspectedAt and failed items");
        }
        EventDigest digest = findOrCreate(failed.eventId());
        if (FailedInspectionItem.count("inspectionId", failed.inspectionId()) == 0) {
            for (int i = 0; i < failed.failedItems().size(); i++) {
                VenueEvents.FailedItem failedItem = failed.failedItems().get(i);
                FailedInspectionItem item = new FailedInspectionItem();
                item.inspectionId = failed.inspectionId();
                item.itemId = failedItem.itemId();
                item.eventId = digest.eventId;
                item.checklistId = failed.checklistId();
                item.checklistName = failed.checklistName();
                item.category = failed.category();
                item.inspector = failed.inspector();
                item.inspectedAt = failed.inspectedAt();
                item.position = i;
                item.description = failedItem.description();
                item.mandatory = failedItem.mandatory();
                item.note = failedItem.note();
                item.actionOwner = failedItem.action() == null ? null : failedItem.action().owner();
                item.actionDueAt = failedItem.action() == null ? null : failedItem.action().dueAt();
                item.persist();
            }
            touch(digest);
        }
        alerts.raise(digest, Alerts.Kind.INSPECTION_FAILED, failed.inspectionId().toString(),
                new Alerts.Facts(null, null, null, null, null, null, null, null, inspection(failed)));
    }

    private static BriefingFacts.FailedInspection inspection(VenueEvents.InspectionFailed failed) {
        return new BriefingFacts.FailedInspection(failed.inspectionId(), failed.checklistName(), failed.category(),
                failed.inspector(), failed.inspectedAt(), failed.failedItems().stream()
                        .map(i -> new BriefingFacts.FailedItem(i.description(), i.mandatory(), i.note(),
                                i.action() == null ? null : i.action().owner(),
                                i.action() == null ? null : i.action().dueAt()))
                        .toList());
    }

    // --- queries and per-event schedule -------------------------------------------------------------------------

    public EventBriefings briefings(UUID eventId) {
        return new EventBriefings(existing(eventId), Briefing.forEvent(eventId));
    }

    public EventDigest existing(UUID eventId) {
        EventDigest digest = EventDigest.findById(eventId);
        if (digest == null) {
            throw ProblemException.notFound("event", eventId);
        }
        return digest;
    }

    /**
     * This event's own offsets replace the defaults; briefings not yet sent are planned again. Only the event's
     * owner, co-organizers and delegates change them.
     */
    @Transactional
    public EventBriefings changeOffsets(UUID eventId, List<Duration> preEventOffsets, Duration postEventOffset) {
        guard.change(eventId);
        EventDigest digest = EventDigest.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (digest == null) {
            throw ProblemException.notFound("event", eventId);
        }
        digest.preEventOffsets = String.join(",", preEventOffsets.stream().map(Duration::toString).toList());
        digest.postEventOffset = postEventOffset.toString();
        touch(digest);
        if (digest.scheduled() && !digest.cancelled()) {
            replan(digest);
        }
        return new EventBriefings(digest, Briefing.forEvent(eventId));
    }

    public List<Duration> preEventOffsets(EventDigest digest) {
        return digest.preEventOffsets == null ? config.preEventOffsets()
                : Arrays.stream(digest.preEventOffsets.split(",")).map(Duration::parse).toList();
    }

    public Duration postEventOffset(EventDigest digest) {
        return digest.postEventOffset == null ? config.postEventOffset() : Duration.parse(digest.postEventOffset);
    }

    private void schedule(EventDigest digest, String title, Instant startsAt, Instant endsAt, String timeZone) {
        boolean timesChanged = !startsAt.equals(digest.startsAt) || !endsAt.equals(digest.endsAt);
        digest.title = title;
        digest.startsAt = startsAt;
        digest.endsAt = endsAt;
        digest.timeZone = timeZone;
        touch(digest);
        if (timesChanged && !digest.cancelled()) {
            replan(digest);
        }
    }

    private void replan(EventDigest digest) {
        Briefing.delete("eventId = ?1 and status = ?2 and onDemand = false", digest.eventId,
                Briefing.Status.SCHEDULED);
        entityManager.flush();
        for (Duration before : preEventOffsets(digest)) {
            plan(digest, Briefing.Kind.PRE_EVENT, digest.startsAt.minus(before));
        }
        plan(digest, Briefing.Kind.POST_EVENT, digest.endsAt.plus(postEventOffset(digest)));
    }

    private void cancel(EventDigest digest, String title) {
        if (digest.cancelled()) {
            return;
        }
        digest.eventStatus = "CANCELLED";
        if (title != null) {
            digest.title = title;
        }
        touch(digest);
        Briefing.update("status = ?1 where eventId = ?2 and status = ?3", Briefing.Status.CANCELLED, digest.eventId,
                Briefing.Status.SCHEDULED);
        alerts.raise(digest, Alerts.Kind.EVENT_CANCELLED, "cancelled",
                new Alerts.Facts(null, null, null, null, null, null, null, null, null));
    }

    /** Higher revision wins; within one revision a decision (rank 2) outranks a submission (rank 1). */
    private boolean budgetStatus(EventDigest digest, int revision, int rank, String status) {
        if (revision < digest.budgetRevision || (revision == digest.budgetRevision && rank <= digest.budgetStatusRank)) {
            return false;
        }
        digest.budgetRevision = revision;
        digest.budgetStatusRank = rank;
        digest.budgetStatus = status;
        touch(digest);
        return true;
    }

    private void plan(EventDigest digest, Briefing.Kind kind, Instant dueAt) {
        if (Briefing.count("eventId = ?1 and kind = ?2 and dueAt = ?3 and onDemand = false", digest.eventId, kind,
                dueAt) > 0) {
            return; // already sent at exactly this time
        }
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

    /** Creates the digest on the first announcement about an event, whichever service made it. */
    public EventDigest findOrCreate(UUID eventId) {
        entityManager.createNativeQuery("""
                insert into event_digest (event_id, updated_at) values (:e, :t) on conflict do nothing""")
                .setParameter("e", eventId).setParameter("t", clock.instant()).executeUpdate();
        return EventDigest.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void touch(EventDigest digest) {
        digest.updatedAt = clock.instant();
    }
}
