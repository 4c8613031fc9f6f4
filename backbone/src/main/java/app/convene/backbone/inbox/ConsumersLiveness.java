package app.convene.backbone.inbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import app.convene.backbone.outbox.BackboneConfig;

/**
 * Liveness of the consumers: down only when one attempt to apply a record has been running for longer than
 * {@code backbone.inbox.stuck-after} (a hung handler, which a restart cures). Waiting for the database between attempts
 * is not counted: that is readiness, and it ends by itself.
 * <p>
 * This replaces SmallRye's {@code throttled.unprocessed-record-max-age.ms} check, which is switched off: it measures how
 * long a record has been held since it was received, so it cannot tell a hung handler from a record deliberately kept
 * (unacknowledged) while the database is away, and it fails the channel for good after a minute of outage.
 */
@Liveness
@ApplicationScoped
public class ConsumersLiveness implements HealthCheck {
    @Inject
    ConsumerChannels channels;
    @Inject
    BackboneConfig config;

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerChannels.Stuck> stuck = channels.stuck(config.inbox().stuckAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(stuck.isEmpty());
        stuck.forEach((channel, attempt) -> response.withData(channel, "one attempt has been running for "
                + attempt.running().toSeconds() + " s, applying " + attempt.on()));
        return response.build();
    }
}
