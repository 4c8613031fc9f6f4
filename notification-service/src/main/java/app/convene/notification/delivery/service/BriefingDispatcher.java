package app.convene.notification.delivery.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.persistence.BriefingRepository;
import app.convene.notification.briefing.service.BriefingRenderer;
import app.convene.notification.briefing.service.FactsAssembler;
import app.convene.notification.briefing.service.Rendered;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.RecipientRepository;
import app.convene.notification.digest.service.EventDigests;

/**
 * Turns due briefings into deliveries. A due briefing is claimed with {@code FOR UPDATE SKIP LOCKED} and marked SENT
 * in the same transaction that creates its deliveries and the briefing-sent event, so two dispatchers (or a restart
 * half-way) can neither send it twice nor lose it: either all of it committed, or it is still SCHEDULED.
 */
@ApplicationScoped
public class BriefingDispatcher {
    @Inject
    BriefingRepository briefings;
    @Inject
    RecipientRepository recipients;
    @Inject
    EventDigests digests;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;
    @Inject
    Deliveries deliveries;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** Sends every briefing due now; returns how many. */
    @Transactional
    public int dispatchDue() {
        List<UUID> due = briefings.claimDue(clock.instant());
        for (UUID id : due) {
            dispatch(Briefing.findById(id));
        }
        return due.size();
    }

    /**
     * Assembles the briefing's facts now, creates a delivery for every active recipient of its audiences, marks it
     * SENT and announces it; returns the facts assembled (with the budget).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BriefingFacts dispatch(Briefing briefing) {
        BriefingFacts assembled = facts.assemble(digests.existing(briefing.eventId));
        List<Recipient> sentTo = recipients.activeIn(briefing.eventId, briefing.audiences());
        for (Recipient recipient : sentTo) {
            deliver(briefing, assembled, recipient, Delivery.Purpose.BRIEFING);
        }
        briefing.status = Briefing.Status.SENT;
        briefing.sentAt = clock.instant();
        outbox.append(NotificationEvents.BRIEFING_SENT, NotificationEvents.AGGREGATE, briefing.eventId,
                new NotificationEvents.BriefingSent(briefing.eventId, briefing.id, briefing.kind.name(),
                        briefing.sentAt, sentTo.size()));
        return assembled;
    }

    /**
     * One recipient's copy of the briefing (or of a reminder of it): the facts as their audience is sent them,
     * rendered in their language, with a fresh personal acknowledgement link.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(Briefing briefing, BriefingFacts assembled, Recipient recipient, Delivery.Purpose purpose) {
        String token = Deliveries.newToken();
        String acknowledgeUrl = deliveries.acknowledgeUrl(token);
        BriefingFacts sent = assembled.forAudience(recipient.audience);
        Rendered rendered = renderer.briefing(briefing.kind, sent, recipient.locale,
                purpose == Delivery.Purpose.REMINDER, acknowledgeUrl);
        deliveries.create(recipient, purpose, briefing.id, null, rendered,
                BriefingRenderer.webhookPayload(briefing, sent, rendered, acknowledgeUrl), token);
    }
}
