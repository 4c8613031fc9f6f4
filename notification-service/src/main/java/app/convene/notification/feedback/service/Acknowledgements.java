package app.convene.notification.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.service.Briefings;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.persistence.DeliveryRepository;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.feedback.domain.RecipientAcknowledgement;
import app.convene.notification.feedback.persistence.AcknowledgementRepository;
import app.convene.notification.gate.service.Gate;

/** Who has read a briefing: acknowledgements by personal link or through the API, and who is still pending. */
@ApplicationScoped
public class Acknowledgements {
    @Inject
    AcknowledgementRepository acknowledgements;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    Outbox outbox;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    Gate gate;

    /** A recipient's acknowledgement; {@code first} is false when they had already acknowledged. */
    public record Acknowledged(UUID briefingId, UUID recipientId, Instant acknowledgedAt, boolean first) {
    }

    /** Everyone a briefing was sent to, split by whether they acknowledged it. */
    public record Tally(UUID briefingId, List<RecipientAcknowledgement> acknowledged,
            List<RecipientAcknowledgement> pending) {
    }

    /** Through the personal link: the token names the briefing and the recipient. */
    @Transactional
    public Acknowledged byLink(String token) {
        // Links carry base64url tokens; anything else was never sent and is not looked up.
        Delivery delivery = token == null || !token.matches("[A-Za-z0-9_-]{1,64}") ? null
                : deliveries.findByAckTokenHash(Deliveries.tokenHash(token));
        if (delivery == null || delivery.briefingId == null) {
            throw ProblemException.notFound("acknowledgement link", "given");
        }
        if (!clock.instant().isBefore(delivery.ackExpiresAt)) {
            throw new ProblemException(410, "acknowledgement-link-expired", "Gone",
                    "this acknowledgement link expired at " + delivery.ackExpiresAt
                            + "; acknowledge through the API or ask for a reminder");
        }
        return acknowledge(delivery.briefingId, delivery.recipientId, "LINK");
    }

    /**
     * Through the API: the caller, who may read the event, is the recipient whose e-mail address is their token's
     * subject.
     */
    @Transactional
    public Acknowledged byCaller(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        Briefings.ofEvent(eventId, briefingId);
        String callerEmail = caller.subject();
        Delivery delivery = callerEmail == null ? null : deliveries.findEmailTo(briefingId, callerEmail);
        if (delivery == null) {
            throw new ProblemException(403, "not-a-recipient", "Forbidden",
                    callerEmail + " did not receive briefing " + briefingId);
        }
        return acknowledge(briefingId, delivery.recipientId, "API");
    }

    /** Everyone the briefing was sent to, split by whether they acknowledged it; for those who may read the event. */
    public Tally report(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        Briefings.ofEvent(eventId, briefingId);
        List<RecipientAcknowledgement> all = acknowledgements.ofBriefing(briefingId);
        return new Tally(briefingId, all.stream().filter(entry -> entry.acknowledgedAt() != null).toList(),
                all.stream().filter(entry -> entry.acknowledgedAt() == null).toList());
    }

    private Acknowledged acknowledge(UUID briefingId, UUID recipientId, String via) {
        // As the database keeps it (microseconds): a repeat, which reads it back, answers the same time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!acknowledgements.insertOnce(briefingId, recipientId, now, via)) {
            return new Acknowledged(briefingId, recipientId, acknowledgements.acknowledgedAt(briefingId, recipientId),
                    false);
        }
        Briefing briefing = Briefing.findById(briefingId);
        outbox.append(NotificationEvents.BRIEFING_ACKNOWLEDGED, NotificationEvents.AGGREGATE, briefing.eventId,
                new NotificationEvents.BriefingAcknowledged(briefing.eventId, briefingId, recipientId, now));
        gate.reassess(briefing.eventId);
        return new Acknowledged(briefingId, recipientId, now, true);
    }
}
