package app.convene.notification.alert.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.persistence.BriefingRepository;
import app.convene.notification.briefing.service.Briefings;
import app.convene.notification.briefing.service.FactsAssembler;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.service.BriefingDispatcher;
import app.convene.notification.digest.service.EventDigests;
import app.convene.notification.feedback.domain.RecipientAcknowledgement;
import app.convene.notification.feedback.persistence.AcknowledgementRepository;

/**
 * Reminders of a sent briefing to each recipient who has not acknowledged it yet, with a fresh personal link and the
 * facts as they stand now: on request of the event's members, and once, automatically, {@code delivery.remind-after}
 * after sending.
 */
@ApplicationScoped
public class BriefingReminders {
    @Inject
    BriefingRepository briefings;
    @Inject
    AcknowledgementRepository acknowledgements;
    @Inject
    EventDigests digests;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingDispatcher dispatcher;
    @Inject
    EventAccessGuard guard;
    @Inject
    DeliveryConfig config;
    @Inject
    Clock clock;

    /** Reminds now, on request of a member of the event (owner, co-organizer, delegate); returns how many. */
    @Transactional
    public int remindNow(UUID eventId, UUID briefingId) {
        guard.change(eventId);
        return remind(eventId, briefingId);
    }

    /**
     * Reminds, once, the pending recipients of every briefing sent more than {@code delivery.remind-after} ago and not
     * reminded yet; the briefing rows are claimed so two passes never both remind.
     */
    @Transactional
    public int remindOverdue() {
        List<BriefingRepository.AwaitingReminder> due = briefings
                .claimAwaitingReminder(clock.instant().minus(config.remindAfter()));
        for (BriefingRepository.AwaitingReminder awaiting : due) {
            remind(awaiting.eventId(), awaiting.briefingId());
        }
        return due.size();
    }

    /** A reminder to each active recipient who has not acknowledged yet; returns how many. */
    private int remind(UUID eventId, UUID briefingId) {
        Briefing briefing = Briefings.ofEvent(eventId, briefingId);
        if (briefing.status != Briefing.Status.SENT) {
            throw ProblemException.conflict("briefing-not-sent",
                    "briefing " + briefingId + " is " + briefing.status + "; only a sent briefing can be reminded of");
        }
        briefing.remindedAt = clock.instant();
        List<Recipient> pending = acknowledgements.ofBriefing(briefingId).stream()
                .filter(entry -> entry.acknowledgedAt() == null).map(RecipientAcknowledgement::recipientId)
                .map(id -> Recipient.<Recipient>findById(id)).filter(recipient -> recipient.active).toList();
        BriefingFacts assembled = facts.assemble(digests.existing(eventId));
        for (Recipient recipient : pending) {
            dispatcher.deliver(briefing, assembled, recipient, Delivery.Purpose.REMINDER);
        }
        return pending.size();
    }
}
