package app.convene.notification.delivery.service;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Sends due deliveries with {@code delivery.senders} senders in parallel, so a slow receiver holds up only the
 * sender it occupies (for at most the webhook deadline). Each pass claims only as many deliveries as there are free
 * senders ({@link DeliveryClaims#claim}, a short transaction), sends each with no transaction open, and records the
 * outcome in another short one. While claims come back full (more may be due), each sender whose delivery went
 * through claims again at once, so a backlog (a burst of registrations' confirmations, a briefing to a large audience)
 * goes out as fast as the senders and the receivers allow, not a few per pass of the clockwork. A failed e-mail ends
 * its sender's run until the next pass: a mail server that is down uses up no more attempts than one per sender and
 * pass, so a backlog outlives an outage. A failed webhook does not: each receiver has its own circuit, which keeps
 * one that is down from using up its deliveries' attempts, and the others' deliveries go on. A crash between sending
 * and recording can repeat a send (after the lease): e-mail carries the delivery id, webhooks the stable
 * {@code webhook-id}, so receivers can drop the repeat.
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final Pattern CALENDAR_METHOD = Pattern.compile("(?m)^METHOD:([A-Z-]+)\\r?$");

    @Inject
    DeliveryClaims claims;
    @Inject
    Webhooks webhooks;
    @Inject
    WebhookSecrets secrets;
    @Inject
    Clock clock;
    @Inject
    @WallClock
    Clock wallClock;
    @Inject
    DeliveryConfig config;
    @Inject
    ReactiveMailer mailer;

    private ExecutorService senders;
    private Semaphore free;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.senders(), task -> {
            Thread thread = new Thread(task, "delivery-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        free = new Semaphore(config.senders());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        senders.shutdown();
        // What is still being sent when the wait is over is claimed again after its lease.
        senders.awaitTermination(config.webhookTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims due deliveries for the free senders and hands one to each; returns how many were handed out. When the
     * claim took as many as it asked for, each of them, once sent, claims again for the senders then free, unless it
     * was an e-mail that failed.
     */
    public int sendDue() {
        int wanted = Math.min(free.availablePermits(), config.batchSize());
        if (wanted <= 0 || !free.tryAcquire(wanted)) {
            return 0;
        }
        List<DeliveryClaims.Claimed> claimed;
        try {
            claimed = claims.claim(wanted);
        } catch (RuntimeException e) {
            free.release(wanted);
            throw e;
        }
        free.release(wanted - claimed.size());
        boolean moreMayBeDue = claimed.size() == wanted;
        for (DeliveryClaims.Claimed one : claimed) {
            try {
                senders.execute(() -> {
                    boolean goOn;
                    try {
                        goOn = send(one) || one.delivery().channel == Channel.WEBHOOK;
                    } finally {
                        free.release();
                    }
                    if (moreMayBeDue && goOn) {
                        sendMore();
                    }
                });
            } catch (RuntimeException e) {
                free.release(); // shutting down: the lease brings it back
            }
        }
        return claimed.size();
    }

    /** Goes on with a backlog from a sender that just finished; what fails here waits for the next pass. */
    private void sendMore() {
        if (stopping) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.debugf(e, "claiming more deliveries failed; the next pass tries again");
        }
    }

    /** Sends one claimed delivery and records the attempt; true when it went through. */
    private boolean send(DeliveryClaims.Claimed claimed) {
        Delivery delivery = claimed.delivery();
        Instant attemptedAt = clock.instant();
        boolean succeeded;
        String outcome;
        try {
            if (delivery.channel == Channel.EMAIL) {
                outcome = email(delivery);
                succeeded = true;
            } else {
                Webhooks.Outcome posted = webhook(delivery, claimed.sealedSecret());
                succeeded = posted.succeeded();
                outcome = posted.detail();
            }
        } catch (RuntimeException e) {
            succeeded = false;
            outcome = delivery.channel == Channel.EMAIL ? mailFailure(e) : "could not be sent";
            LOG.debugf(e, "delivery %s failed", delivery.id);
            LOG.infof("delivery %s (%s) attempt %d failed: %s", delivery.id, delivery.channel, delivery.attempts + 1,
                    outcome);
        }
        try {
            claims.settle(delivery.id, claimed.claim(), attemptedAt, succeeded, outcome);
        } catch (RuntimeException e) {
            LOG.warnf("the outcome of delivery %s was not recorded (%s); it is retried after its lease",
                    delivery.id, e.getClass().getSimpleName());
        }
        return succeeded;
    }

    private String email(Delivery delivery) {
        Mail mail = Mail.withText(delivery.address, Deliveries.subjectLine(delivery.subject), delivery.bodyText)
                .addHeader("X-Convene-Delivery", delivery.id.toString());
        if (delivery.bodyHtml != null) {
            mail.setHtml(delivery.bodyHtml);
        }
        if (delivery.calendar != null) {
            mail.addAttachment("invitation.ics", delivery.calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + calendarMethod(delivery.calendar));
        }
        mailer.send(mail).await().atMost(config.mailTimeout());
        return "accepted by SMTP server";
    }

    /** The METHOD of an iCalendar object (REQUEST when it names none), for the attachment's content type. */
    static String calendarMethod(String calendar) {
        Matcher method = CALENDAR_METHOD.matcher(calendar);
        return method.find() ? method.group(1) : "REQUEST";
    }

    /** A mail failure in generic words: never the server's or the exception's text. */
    private static String mailFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "mail server unreachable";
            }
            if (t.getClass().getName().contains("Timeout")) {
                return "timed out";
            }
        }
        return "mail not accepted";
    }

    private Webhooks.Outcome webhook(Delivery delivery, String sealedSecret) {
        String secret = secrets.open(delivery.recipientId, sealedSecret);
        // The wall clock, not the scheduling clock: receivers compare it with their own to reject replays.
        long timestamp = wallClock.instant().getEpochSecond();
        String id = delivery.id.toString();
        return webhooks.post(delivery.address, Map.of(
                "Content-Type", "application/json",
                "webhook-id", id,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.sign(secret, id, timestamp, delivery.webhookPayload)),
                delivery.webhookPayload);
    }
}
