package app.convene.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where webhooks may be sent, and when a failing receiver is left alone for a while. */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookConfig {
    /** Whether plain {@code http} URLs are accepted; only for development and tests (https otherwise). */
    @WithDefault("false")
    boolean allowInsecure();

    /**
     * Internal addresses webhooks may nevertheless reach (exact addresses or CIDR blocks, e.g. {@code 127.0.0.1}
     * or {@code 10.1.0.0/16}); none by default.
     */
    Optional<List<String>> allowedPrivate();

    /** Consecutive failed attempts to one receiver after which its circuit opens. */
    @WithDefault("5")
    int circuitThreshold();

    /** How long an open circuit skips its receiver before one trial send. */
    @WithDefault("PT5M")
    Duration circuitCoolDown();
}
