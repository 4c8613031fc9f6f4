package app.convene.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How deliveries are retried, and where recipients' acknowledgement links point. */
@ConfigMapping(prefix = "delivery")
public interface DeliveryConfig {
    /** Attempts per delivery before it is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one, up to {@link #maxBackoff()}. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Deadline of a whole webhook exchange: connecting, sending and the receiver's answer (its status line). */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    /**
     * Deadline of one e-mail's hand-over to the SMTP server; a server that stops answering mid-exchange fails the
     * attempt, which is retried like any other, instead of holding its sender until the lease runs out.
     */
    @WithDefault("PT30S")
    Duration mailTimeout();

    /** Deliveries sent at once, each by its own sender, so a slow receiver holds up only its own. */
    @WithDefault("4")
    int senders();

    /**
     * E-mails one sender takes in one claim and hands to the mail server one after the other, recording their outcomes
     * together: a claim and a record per batch instead of per mail. A webhook is always sent alone.
     */
    @WithDefault("10")
    int mailBatch();

    /** How long a claimed delivery is held by its sender; a sender that vanished is retried after it. */
    @WithDefault("PT2M")
    Duration lease();

    /** How long a personal acknowledgement link works after it was sent. */
    @WithDefault("P30D")
    Duration ackLinkValidity();

    /** How often due briefings and pending deliveries are looked for (scheduler syntax, e.g. {@code 1s}). */
    @WithDefault("1s")
    String pollEvery();

    /** Those who have not acknowledged a briefing this long after it was sent are reminded once, automatically. */
    @WithDefault("P1D")
    java.time.Duration remindAfter();

    /** Senders a pass of the dispatcher hands deliveries to, at most. */
    @WithDefault("10")
    int batchSize();

    /** Base of the personal acknowledgement links, as recipients reach this service. */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();
}
