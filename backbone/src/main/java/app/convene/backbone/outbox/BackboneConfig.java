package app.convene.backbone.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backbone")
public interface BackboneConfig {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /registration-service}. */
    String source();

    Relay relay();

    interface Relay {
        /** Whether this instance runs the outbox relay. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long the relay waits after a commit before publishing, so that the events of commits landing together
         * leave in one batch (fewer relay transactions under a burst) while each still leaves within milliseconds.
         */
        @WithDefault("5")
        long gatherMillis();

        /** Most rows published in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker's acknowledgements of one batch. */
        @WithDefault("PT20S")
        Duration sendTimeout();

        /** Longest pause between attempts while the broker cannot be reached. */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** Published rows older than this are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** Readiness reports the relay as stuck when the oldest unpublished event is older than this. */
        @WithDefault("PT2M")
        Duration stuckAfter();
    }
}
