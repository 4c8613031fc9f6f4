package app.convene.notification.digest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.notification.alert.domain.Alert;
import app.convene.notification.alert.service.Alerts;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.gate.service.Gate;

/**
 * What budget-service announces about an event's budget, kept in its digest: the status (higher revision wins;
 * within one, a decision outranks a submission), the newest forecast (highest sequence wins), and threshold
 * crossings, which are alerted at once.
 */
@ApplicationScoped
public class BudgetAnnouncements {
    /** Within one revision a decision outranks a submission, which outranks the creation. */
    private static final int CREATED = 0;
    private static final int SUBMITTED = 1;
    private static final int DECIDED = 2;

    @Inject
    EventDigests digests;
    @Inject
    Alerts alerts;
    @Inject
    Gate gate;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetCreated(BudgetEvents.BudgetCreated created) {
        budgetStatus(digests.findOrCreate(created.eventId()), 0, CREATED, created.status());
        gate.reassess(created.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetSubmitted(BudgetEvents.BudgetSubmitted submitted) {
        budgetStatus(digests.findOrCreate(submitted.eventId()), submitted.revision(), SUBMITTED, "SUBMITTED");
        gate.reassess(submitted.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetApproved(BudgetEvents.BudgetApproved approved) {
        EventDigest digest = digests.findOrCreate(approved.eventId());
        if (budgetStatus(digest, approved.revision(), DECIDED, "APPROVED")) {
            digest.approvedTotal = approved.approvedTotal();
            digest.tolerancePercent = approved.tolerancePercent();
            digest.currency = approved.currency();
        }
        gate.reassess(approved.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetRejected(BudgetEvents.BudgetRejected rejected) {
        budgetStatus(digests.findOrCreate(rejected.eventId()), rejected.revision(), DECIDED, "REJECTED");
        gate.reassess(rejected.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onForecastChanged(BudgetEvents.ForecastChanged forecast) {
        EventDigest digest = digests.findOrCreate(forecast.eventId());
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
        digests.touch(digest);
        gate.reassess(forecast.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onThresholdExceeded(BudgetEvents.ThresholdExceeded exceeded) {
        EventDigest digest = digests.findOrCreate(exceeded.eventId());
        if (digest.approvedTotal == null && exceeded.approvedTotal() != null) {
            digest.approvedTotal = exceeded.approvedTotal();
            digest.currency = exceeded.currency();
            gate.reassess(exceeded.eventId());
        }
        alerts.raise(digest, new Alert.BudgetThresholdExceeded(exceeded.threshold(), exceeded.forecastTotal(),
                exceeded.limit(), exceeded.currency(), exceeded.revision()));
    }

    /** Higher revision wins; within one revision the higher rank wins. True when the status was taken. */
    private boolean budgetStatus(EventDigest digest, int revision, int rank, String status) {
        if (revision < digest.budgetRevision || (revision == digest.budgetRevision && rank <= digest.budgetStatusRank)) {
            return false;
        }
        digest.budgetRevision = revision;
        digest.budgetStatusRank = rank;
        digest.budgetStatus = status;
        digests.touch(digest);
        return true;
    }
}
