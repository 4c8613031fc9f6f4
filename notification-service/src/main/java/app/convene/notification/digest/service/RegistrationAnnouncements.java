package app.convene.notification.digest.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.alert.domain.Alert;
import app.convene.notification.alert.service.Alerts;
import app.convene.notification.briefing.service.BriefingSchedules;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.gate.service.Gate;

/**
 * What registration-service announces about an event, kept in its digest: who may see and change it, its terms,
 * status and capacity, its headcount and its cancellations. New times plan the event's briefings again; a
 * cancelled event cancels them and alerts everyone. Each handler runs in the consumer's transaction after the inbox
 * accepted the record, so a duplicate never reaches it.
 */
@ApplicationScoped
public class RegistrationAnnouncements {
    @Inject
    EventDigests digests;
    @Inject
    EventAccessStore access;
    @Inject
    BriefingSchedules schedules;
    @Inject
    Alerts alerts;
    @Inject
    Gate gate;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(RegistrationEvents.EventScheduled scheduled) {
        // Who may see and change the event travels with its schedule; kept in the same transaction.
        access.save(scheduled.eventId(), scheduled.access());
        EventDigest digest = digests.findOrCreate(scheduled.eventId());
        if (digest.capacity == null) {
            digest.capacity = scheduled.capacity();
        }
        applyTerms(digest, scheduled.title(), scheduled.startsAt(), scheduled.endsAt(), scheduled.timeZone());
        gate.reassess(scheduled.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventUpdated(RegistrationEvents.EventUpdated updated) {
        access.save(updated.eventId(), updated.access());
        EventDigest digest = digests.findOrCreate(updated.eventId());
        digest.capacity = updated.capacity();
        if ("CANCELLED".equals(updated.status())) {
            cancel(digest, updated.title());
            return;
        }
        if (!digest.cancelled()) {
            digest.eventStatus = updated.status();
        }
        applyTerms(digest, updated.title(), updated.startsAt(), updated.endsAt(), updated.timeZone());
        gate.reassess(updated.eventId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventCancelled(RegistrationEvents.EventCancelled cancelled) {
        cancel(digests.findOrCreate(cancelled.eventId()), cancelled.title());
    }

    /** Newest headcount wins; one arriving late or replayed changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onHeadcountChanged(RegistrationEvents.HeadcountChanged headcount) {
        EventDigest digest = digests.findOrCreate(headcount.eventId());
        if (digest.applyHeadcount(headcount)) {
            digest.capacity = headcount.capacity();
            digests.touch(digest);
            gate.reassess(headcount.eventId());
        }
    }

    /**
     * Counting is order-free, and the inbox keeps a redelivered cancellation from counting twice. The attendee's
     * registration is kept as cancelled too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRegistrationCancelled(RegistrationEvents.RegistrationCancelled cancelled) {
        EventDigest digest = digests.findOrCreate(cancelled.eventId());
        digest.cancellations++;
        if (cancelled.late()) {
            digest.lateCancellations++;
        }
        digests.touch(digest);
    }

    private void applyTerms(EventDigest digest, String title, Instant startsAt, Instant endsAt, String timeZone) {
        boolean timesChanged = !startsAt.equals(digest.startsAt) || !endsAt.equals(digest.endsAt);
        digest.applyTerms(title, startsAt, endsAt, timeZone);
        digests.touch(digest);
        if (timesChanged && !digest.cancelled()) {
            schedules.replan(digest);
        }
    }

    /** Cancelling is final: the unsent briefings are cancelled and everyone is alerted, once. */
    private void cancel(EventDigest digest, String title) {
        if (digest.cancelled()) {
            return;
        }
        digest.eventStatus = "CANCELLED";
        if (title != null) {
            digest.title = title;
        }
        digests.touch(digest);
        schedules.cancelPlanned(digest);
        alerts.raise(digest, new Alert.EventCancelled());
    }
}
