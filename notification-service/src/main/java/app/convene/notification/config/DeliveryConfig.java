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

    /** Longest wait for a webhook receiver's answer. */
    @WithDefault("PT5S")
    Duration webhookTimeout();

    /** How often due briefings and pending deliveries are looked for (scheduler syntax, e.g. {@code 1s}). */
    @WithDefault("1s")
    String pollEvery();

    /** Those who have not acknowledged a briefing this long after it was sent are reminded once, automatically. */
    @WithDefault("P1D")
    java.time.Duration remindAfter();

    /** Deliveries sent per pass of the dispatcher. */
    @WithDefault("10")
    int batchSize();

    /** Base of the personal acknowledgement links, as recipients reach this service. */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();
}
