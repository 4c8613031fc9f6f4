package app.convene.notification.delivery.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.DeliveryRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Sends pending deliveries whose time has come. Each is locked ({@code FOR UPDATE SKIP LOCKED}) while it is sent,
 * so two senders never send the same one at once; every attempt is logged; a failure waits twice as long as the one
 * before, and after the last allowed attempt the delivery is FAILED and a delivery-failed event announces it. A crash
 * between sending and committing can repeat a send: e-mail carries the delivery id, webhooks the stable
 * {@code webhook-id}, so receivers can drop the repeat.
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    @Inject
    DeliveryRepository deliveries;
    @Inject
    Clock clock;
    @Inject
    @WallClock
    Clock wallClock;
    @Inject
    DeliveryConfig config;
    @Inject
    Mailer mailer;
    @Inject
    Outbox outbox;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends (or retries) the pending deliveries due now, a batch at a time; returns how many were tried. */
    @Transactional
    public int sendDue() {
        List<Delivery> due = deliveries.claimDue(clock.instant(), config.batchSize());
        for (Delivery delivery : due) {
            attempt(delivery);
        }
        return due.size();
    }

    private void attempt(Delivery delivery) {
        delivery.attempts++;
        Instant now = clock.instant();
        String outcome;
        boolean succeeded;
        try {
            outcome = delivery.channel == Channel.EMAIL ? email(delivery) : webhook(delivery);
            succeeded = true;
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            succeeded = false;
            LOG.debugf("delivery %s attempt %d failed: %s", delivery.id, delivery.attempts, outcome);
        }
        outcome = outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
        deliveries.recordAttempt(delivery.id, delivery.attempts, now, succeeded, outcome);
        if (succeeded) {
            delivery.status = Delivery.Status.DELIVERED;
            delivery.lastError = null;
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = Delivery.Status.FAILED;
            delivery.lastError = outcome;
            outbox.append(NotificationEvents.DELIVERY_FAILED, NotificationEvents.AGGREGATE, delivery.eventId,
                    new NotificationEvents.DeliveryFailed(delivery.eventId, delivery.briefingId, delivery.id,
                            delivery.recipientId, delivery.channel.name(), delivery.attempts, outcome));
        } else {
            delivery.lastError = outcome;
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
    }

    /** The wait after the n-th failed attempt: initial, doubled each time, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private String email(Delivery delivery) {
        Mail mail = Mail.withText(delivery.address, delivery.subject, delivery.bodyText)
                .addHeader("X-Convene-Delivery", delivery.id.toString());
        if (delivery.bodyHtml != null) {
            mail.setHtml(delivery.bodyHtml);
        }
        mailer.send(mail);
        return "accepted by SMTP server";
    }

    private String webhook(Delivery delivery) throws Exception {
        Recipient recipient = Recipient.findById(delivery.recipientId);
        // The wall clock, not the scheduling clock: receivers compare it with their own to reject replays.
        long timestamp = wallClock.instant().getEpochSecond();
        String id = delivery.id.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.address))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(recipient.webhookSecret, id, timestamp,
                        delivery.webhookPayload))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.webhookPayload))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("receiver answered HTTP " + response.statusCode());
        }
        return "HTTP " + response.statusCode();
    }
}
