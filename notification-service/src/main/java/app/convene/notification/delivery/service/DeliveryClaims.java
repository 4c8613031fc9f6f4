package app.convene.notification.delivery.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
 * lease runs out) and honours each webhook recipient's circuit; {@link #settle} logs the attempt and decides what
 * comes next: DELIVERED, a retry after a doubling backoff, or FAILED with its delivery-failed event.
 */
@ApplicationScoped
public class DeliveryClaims {
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

    /** Claims up to {@code limit} deliveries to send now. */
    @Transactional
    public List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        Instant leaseUntil = wallClock.instant().plus(config.lease());
        List<Claimed> claimed = new ArrayList<>();
        for (Delivery delivery : deliveries.lockClaimable(now, wallClock.instant(), limit)) {
            if (delivery.channel == Channel.WEBHOOK && !recipients.takeTurn(delivery.recipientId, now,
                    webhooks.circuitThreshold(), now.plus(webhooks.circuitCoolDown()))) {
                continue; // its circuit is open, or another delivery is its trial: it waits, it is not lost
            }
            UUID claim = UUID.randomUUID();
            delivery.status = Delivery.Status.IN_FLIGHT;
            delivery.claimedBy = claim;
            delivery.leaseUntil = leaseUntil;
            Recipient recipient = delivery.channel == Channel.WEBHOOK ? Recipient.findById(delivery.recipientId)
                    : null;
            claimed.add(new Claimed(delivery, claim, recipient == null ? null : recipient.webhookSecret));
        }
        return claimed;
    }

    /**
     * Records how the attempt went; nothing when the claim is no longer the delivery's (its lease ran out and
     * another sender took it, whose outcome counts).
     */
    @Transactional
    public void settle(UUID deliveryId, UUID claim, Instant attemptedAt, boolean succeeded, String outcome) {
        Delivery delivery = deliveries.lockClaimed(deliveryId, claim);
        if (delivery == null) {
            return;
        }
        Instant now = clock.instant();
        // The row is changed in full before any statement below makes Hibernate flush it (a check ties the claim
        // columns to IN_FLIGHT).
        delivery.attempts++;
        delivery.claimedBy = null;
        delivery.leaseUntil = null;
        boolean failedForGood = !succeeded && delivery.attempts >= config.maxAttempts();
        if (succeeded) {
            delivery.status = Delivery.Status.DELIVERED;
            delivery.lastError = null;
        } else if (failedForGood) {
            delivery.status = Delivery.Status.FAILED;
            delivery.lastError = outcome;
        } else {
            delivery.status = Delivery.Status.PENDING;
            delivery.lastError = outcome;
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
        deliveries.recordAttempt(delivery.id, delivery.attempts, attemptedAt, succeeded, outcome);
        if (delivery.channel == Channel.WEBHOOK) {
            if (succeeded) {
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
                            delivery.recipientId, delivery.channel.name(), delivery.attempts, outcome));
        }
    }

    /** The wait after the n-th failed attempt: initial, doubled each time, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
