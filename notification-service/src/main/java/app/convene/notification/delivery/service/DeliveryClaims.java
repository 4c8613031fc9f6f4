package app.convene.notification.delivery.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.config.WebhookConfig;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.DeliveryRepository;
import app.convene.notification.delivery.persistence.RecipientRepository;

/**
 * The two short transactions around a send, which itself runs with no transaction open. {@link #claim} marks due
 * deliveries IN_FLIGHT for a lease (so no other sender takes them, and a vanished sender's are taken again once the
 * lease runs out), hands each free sender a webhook of its own or a handful of e-mails, and honours each webhook
 * recipient's circuit; {@link #settle} logs the attempts and decides what comes next for each delivery: DELIVERED, a
 * retry after a doubling backoff, FAILED with its delivery-failed event, or, for an e-mail its sender did not get to,
 * back to PENDING as it was. Between the two, a sender notes each e-mail the mail server accepted
 * ({@link #noteAccepted}); a claim taken again after its sender died records those as delivered instead of sending
 * them again.
 */
@ApplicationScoped
public class DeliveryClaims {
    /** What an e-mail's successful attempt says. */
    static final String ACCEPTED = "accepted by SMTP server";
    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);

    @Inject
    DeliveryRepository deliveries;
    @Inject
    RecipientRepository recipients;
    @Inject
    Clock clock;
    @Inject
    @WallClock
    Clock wallClock;
    @Inject
    DeliveryConfig config;
    @Inject
    WebhookConfig webhooks;
    @Inject
    Outbox outbox;

    /** A delivery held by one sender: what to send, and to a webhook with which secret (as stored, sealed). */
    public record Claimed(Delivery delivery, UUID claim, String sealedSecret) {
    }

    /**
     * What one claim took: one batch per sender (a webhook alone, or up to {@code delivery.mail-batch} e-mails sent one
     * after the other), and whether it stopped at its limit, so more may be due.
     */
    public record Claims(List<List<Claimed>> batches, boolean full) {
        public int deliveries() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    /** How one attempt went; {@code attemptedAt} null for an e-mail its sender did not get to (no attempt). */
    public record Outcome(Claimed claimed, Instant attemptedAt, boolean succeeded, String detail) {
        static Outcome notAttempted(Claimed claimed) {
            return new Outcome(claimed, null, false, null);
        }

        boolean attempted() {
            return attemptedAt != null;
        }
    }

    /** Claims deliveries to send now for up to {@code senders} senders, each taking at most {@code mailBatch} e-mails. */
    @Transactional
    public Claims claim(int senders, int mailBatch) {
        Instant now = clock.instant();
        Instant leaseUntil = wallClock.instant().plus(config.lease());
        int limit = senders * mailBatch;
        List<Delivery> claimable = deliveries.lockClaimable(now, wallClock.instant(), limit);
        // The e-mails are shared evenly among the senders the webhooks leave, so none waits while another has a queue.
        long webhookCount = claimable.stream().filter(d -> d.channel == Channel.WEBHOOK).count();
        long mailSenders = Math.max(1, senders - webhookCount);
        long mails = claimable.size() - webhookCount;
        int perSender = (int) Math.max(1, Math.min(mailBatch, (mails + mailSenders - 1) / mailSenders));
        List<List<Claimed>> batches = new ArrayList<>();
        List<Claimed> mail = null;
        List<DeliveryRepository.Attempt> acceptedBefore = new ArrayList<>();
        for (Delivery delivery : claimable) {
            if (delivery.acceptedAt != null) {
                // Its sender died after the mail server accepted it, before recording it: delivered, not sent again.
                delivery.status = Delivery.Status.DELIVERED;
                delivery.claimedBy = null;
                delivery.leaseUntil = null;
                delivery.lastError = null;
                delivery.attempts++;
                acceptedBefore.add(new DeliveryRepository.Attempt(delivery.id, delivery.attempts, delivery.acceptedAt,
                        true, ACCEPTED));
                continue;
            }
            boolean webhook = delivery.channel == Channel.WEBHOOK;
            boolean needsBatch = webhook || mail == null || mail.size() == perSender;
            if (needsBatch && batches.size() == senders) {
                continue; // no sender left for it: it stays as it is, for the next claim
            }
            if (webhook && !recipients.takeTurn(delivery.recipientId, now, webhooks.circuitThreshold(),
                    now.plus(webhooks.circuitCoolDown()))) {
                continue; // its circuit is open, or another delivery is its trial: it waits, it is not lost
            }
            UUID claim = UUID.randomUUID();
            delivery.status = Delivery.Status.IN_FLIGHT;
            delivery.claimedBy = claim;
            delivery.leaseUntil = leaseUntil;
            if (webhook) {
                Recipient recipient = Recipient.findById(delivery.recipientId);
                batches.add(List.of(new Claimed(delivery, claim, recipient == null ? null : recipient.webhookSecret)));
            } else {
                if (needsBatch) {
                    mail = new ArrayList<>();
                    batches.add(mail);
                }
                mail.add(new Claimed(delivery, claim, null));
            }
        }
        deliveries.recordAttempts(acceptedBefore);
        return new Claims(batches, claimable.size() == limit);
    }

    /**
     * Notes at once, with no transaction open, that the mail server accepted a claimed e-mail, so that a sender dying
     * before {@link #settle} leaves it recorded as delivered when it is claimed again, not sent twice. A note that
     * fails changes nothing: the outcome is still recorded with the batch's.
     */
    public void noteAccepted(Claimed claimed, Instant acceptedAt) {
        try {
            deliveries.noteAccepted(claimed.delivery().id, claimed.claim(), acceptedAt);
        } catch (SQLException e) {
            LOG.debugf(e, "the mail server's acceptance of delivery %s was not noted", claimed.delivery().id);
        }
    }

    /**
     * Records how a sender's batch went, in one transaction; nothing for a delivery whose claim is no longer its own
     * (its lease ran out and another sender took it, whose outcome counts).
     */
    @Transactional
    public void settle(List<Outcome> outcomes) {
        Map<UUID, Delivery> held = deliveries.lockClaimed(outcomes.stream()
                .collect(Collectors.toMap(o -> o.claimed().delivery().id, o -> o.claimed().claim())));
        Instant now = clock.instant();
        List<DeliveryRepository.Attempt> attempts = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Delivery delivery = held.get(outcome.claimed().delivery().id);
            if (delivery == null) {
                continue;
            }
            // The row is changed in full before any statement below makes Hibernate flush it (a check ties the claim
            // columns to IN_FLIGHT).
            delivery.claimedBy = null;
            delivery.leaseUntil = null;
            if (!outcome.attempted()) {
                delivery.status = Delivery.Status.PENDING; // due as it was, for the next claim
                continue;
            }
            delivery.attempts++;
            boolean failedForGood = !outcome.succeeded() && delivery.attempts >= config.maxAttempts();
            if (outcome.succeeded()) {
                delivery.status = Delivery.Status.DELIVERED;
                delivery.lastError = null;
            } else if (failedForGood) {
                delivery.status = Delivery.Status.FAILED;
                delivery.lastError = outcome.detail();
            } else {
                delivery.status = Delivery.Status.PENDING;
                delivery.lastError = outcome.detail();
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            }
            attempts.add(new DeliveryRepository.Attempt(delivery.id, delivery.attempts, outcome.attemptedAt(),
                    outcome.succeeded(), outcome.detail()));
            if (delivery.channel == Channel.WEBHOOK) {
                if (outcome.succeeded()) {
                    recipients.recordSuccess(delivery.recipientId);
                } else {
                    recipients.recordFailure(delivery.recipientId, webhooks.circuitThreshold(),
                            now.plus(webhooks.circuitCoolDown()));
                }
            }
            // Partner mail about a venue has no event to announce the failure on; its log keeps it.
            if (failedForGood && delivery.eventId != null) {
                outbox.append(NotificationEvents.DELIVERY_FAILED, NotificationEvents.AGGREGATE, delivery.eventId,
                        new NotificationEvents.DeliveryFailed(delivery.eventId, delivery.briefingId, delivery.id,
                                delivery.recipientId, delivery.channel.name(), delivery.attempts, outcome.detail()));
            }
        }
        deliveries.recordAttempts(attempts);
    }

    /** The wait after the n-th failed attempt: initial, doubled each time, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
