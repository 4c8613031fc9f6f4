package app.convene.notification.delivery.service;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Sends due deliveries with {@code delivery.senders} senders in parallel, so a slow receiver holds up only the
 * sender it occupies (for at most the webhook deadline). Each pass claims only as much as the free senders take
 * ({@link DeliveryClaims#claim}, a short transaction): a webhook each, or a batch of up to {@code delivery.mail-batch}
 * e-mails, which its sender hands to the mail server one after the other over the mailer's pooled connection. Sends
 * run with no transaction open; a sender records its batch's outcomes together in another short transaction. While
 * claims come back full (more may be due), each sender whose batch went through claims again at once, so a backlog (a
 * burst of registrations' confirmations, a briefing to a large audience) goes out as fast as the senders and the
 * receivers allow, not a few per pass of the clockwork. A failed e-mail ends its batch and its sender's run until the
 * next pass (the batch's e-mails not yet tried are due again as they were, with no attempt used): a mail server that
 * is down uses up no more attempts than one per sender and pass, so a backlog outlives an outage. A batch also stops
 * once half its lease has passed, so a slow mail server cannot make its lease run out under it. A failed webhook does
 * not end the run: each receiver has its own circuit, which keeps one that is down from using up its deliveries'
 * attempts, and the others' deliveries go on. Each e-mail the mail server accepted is noted at once, so a sender
 * that dies before recording its batch leaves those recorded as delivered when they are claimed again after the
 * lease. What a crash can still repeat is a send in progress (the mail server accepted it, the note was not yet
 * made): e-mail carries the delivery id as its {@code Message-ID}, webhooks the stable {@code webhook-id}, so
 * receivers can drop the repeat.
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

    /**
     * The service stops: no more claims, and each sender ends its batch after the delivery it is sending. This runs
     * ahead of every other observer of the stop, so the senders finish while the inbox applies what its channels had
     * fetched ({@code Inbox.onStop}), not after it.
     */
    void stopClaiming(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) ShutdownEvent event) {
        stopping = true;
        senders.shutdown();
    }

    /**
     * Waits for the senders to record their batches' outcomes while the database is still there (the datasource closes
     * after this observer), so nothing they sent goes out again after its lease. What is still being sent when the
     * wait is over (a send's own timeout, and a second) is claimed again after its lease.
     */
    void awaitSenders(@Observes ShutdownEvent event) throws InterruptedException {
        senders.awaitTermination(Math.max(config.webhookTimeout().toMillis(), config.mailTimeout().toMillis()) + 1000,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Claims due deliveries for the free senders and hands each its batch; returns how many deliveries were handed
     * out. When the claim took as many as it asked for, each sender, once its batch is through, claims again for the
     * senders then free, unless one of its e-mails failed.
     */
    public int sendDue() {
        if (stopping) {
            return 0;
        }
        int wanted = Math.min(free.availablePermits(), config.batchSize());
        if (wanted <= 0 || !free.tryAcquire(wanted)) {
            return 0;
        }
        DeliveryClaims.Claims claimed;
        try {
            claimed = claims.claim(wanted, config.mailBatch());
        } catch (RuntimeException e) {
            free.release(wanted);
            throw e;
        }
        free.release(wanted - claimed.batches().size());
        for (List<DeliveryClaims.Claimed> batch : claimed.batches()) {
            try {
                senders.execute(() -> {
                    boolean goOn;
                    try {
                        goOn = send(batch);
                    } finally {
                        free.release();
                    }
                    if (claimed.full() && goOn) {
                        sendMore();
                    }
                });
            } catch (RuntimeException e) {
                free.release(); // shutting down: the lease brings it back
            }
        }
        return claimed.deliveries();
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

    /**
     * Sends a sender's batch in order and records the outcomes together; true unless an e-mail failed (which ends
     * the batch: the rest are recorded as not tried).
     */
    private boolean send(List<DeliveryClaims.Claimed> batch) {
        long stopAt = System.nanoTime() + config.lease().toNanos() / 2;
        List<DeliveryClaims.Outcome> outcomes = new ArrayList<>(batch.size());
        boolean goOn = true;
        for (DeliveryClaims.Claimed claimed : batch) {
            if (!outcomes.isEmpty() && (!goOn || stopping || System.nanoTime() - stopAt > 0)) {
                outcomes.add(DeliveryClaims.Outcome.notAttempted(claimed));
                continue;
            }
            DeliveryClaims.Outcome outcome = send(claimed);
            outcomes.add(outcome);
            if (outcome.succeeded() && claimed.delivery().channel == Channel.EMAIL) {
                claims.noteAccepted(claimed, outcome.attemptedAt());
            }
            goOn = outcome.succeeded() || claimed.delivery().channel == Channel.WEBHOOK;
        }
        try {
            claims.settle(outcomes);
        } catch (RuntimeException e) {
            LOG.warnf("the outcomes of deliveries %s were not recorded (%s); they are retried after their lease",
                    batch.stream().map(c -> c.delivery().id).toList(), e.getClass().getSimpleName());
        }
        return goOn;
    }

    /** Sends one claimed delivery; how it went. */
    private DeliveryClaims.Outcome send(DeliveryClaims.Claimed claimed) {
        Delivery delivery = claimed.delivery();
        Instant attemptedAt = clock.instant();
        try {
            if (delivery.channel == Channel.EMAIL) {
                return new DeliveryClaims.Outcome(claimed, attemptedAt, true, email(delivery));
            }
            Webhooks.Outcome posted = webhook(delivery, claimed.sealedSecret());
            return new DeliveryClaims.Outcome(claimed, attemptedAt, posted.succeeded(), posted.detail());
        } catch (RuntimeException e) {
            String outcome = delivery.channel == Channel.EMAIL ? mailFailure(e) : "could not be sent";
            LOG.debugf(e, "delivery %s failed", delivery.id);
            LOG.infof("delivery %s (%s) attempt %d failed: %s", delivery.id, delivery.channel, delivery.attempts + 1,
                    outcome);
            return new DeliveryClaims.Outcome(claimed, attemptedAt, false, outcome);
        }
    }

    private String email(Delivery delivery) {
        Mail mail = Mail.withText(delivery.address, Deliveries.subjectLine(delivery.subject), delivery.bodyText)
                .addHeader("X-Convene-Delivery", delivery.id.toString())
                // The same Message-ID on every attempt: a mail sent again after a crash is the same message to
                // mail servers and clients, which drop the repeat.
                .addHeader("Message-ID", "<" + delivery.id + "@convene.app>");
        if (delivery.bodyHtml != null) {
            mail.setHtml(delivery.bodyHtml);
        }
        if (delivery.calendar != null) {
            mail.addAttachment("invitation.ics", delivery.calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + calendarMethod(delivery.calendar));
        }
        if (delivery.ticketCode != null) {
            mail.addAttachment("ticket.png", TicketImages.png(delivery.ticketCode), "image/png");
        }
        mailer.send(mail).await().atMost(config.mailTimeout());
        return DeliveryClaims.ACCEPTED;
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
