package app.convene.notification.digest.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.persistence.PostEventRepository;

/**
 * What the post-event briefing needs beyond the digest, kept as announced: the budget per category (with the newest
 * forecast), every inspection's outcome, closed corrective actions, and one headcount point per announcement.
 */
@ApplicationScoped
public class PostEventAnnouncements {
    @Inject
    EventDigests digests;
    @Inject
    BudgetAnnouncements budget;
    @Inject
    PostEventRepository postEvent;
    @Inject
    Clock clock;

    /** The totals as version 1 keeps them; the categories are replaced only by a newer announcement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onForecastChanged(BudgetEvents.ForecastChangedV2 forecast) {
        EventDigest digest = digests.findOrCreate(forecast.eventId());
        boolean newer = forecast.sequence() > digest.forecastSequence;
        budget.onForecastChanged(forecast.totals());
        if (newer && forecast.categories() != null) {
            postEvent.replaceCategories(forecast.eventId(), forecast.categories());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onInspectionRecorded(VenueEvents.InspectionRecorded recorded) {
        if (recorded.inspectionId() == null || recorded.checklistId() == null || recorded.inspectedAt() == null
                || recorded.checklistName() == null || recorded.category() == null) {
            throw new PoisonEventException(
                    "inspection-recorded needs inspectionId, checklistId, checklistName, category and inspectedAt");
        }
        digests.touch(digests.findOrCreate(recorded.eventId()));
        postEvent.keepInspection(recorded);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCorrectiveActionClosed(VenueEvents.CorrectiveActionClosed closed) {
        if (closed.actionId() == null || closed.closedAt() == null) {
            throw new PoisonEventException("corrective-action-closed needs actionId and closedAt");
        }
        digests.touch(digests.findOrCreate(closed.eventId()));
        postEvent.keepClosure(closed);
    }

    /** One point of the headcount history, stamped when it was heard; a replay of the same sequence adds nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(RegistrationEvents.HeadcountChanged headcount) {
        digests.findOrCreate(headcount.eventId());
        postEvent.keepHeadcount(headcount.eventId(), headcount.sequence(), clock.instant(), headcount.confirmed(),
                headcount.waitlisted(), headcount.checkedIn());
    }
}
