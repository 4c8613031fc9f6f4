package app.convene.backbone.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports a stuck relay: events committed long ago that the broker has not acknowledged. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Inject
    OutboxRelay relay;
    @Inject
    BackboneConfig config;

    @Override
    public HealthCheckResponse call() {
        boolean stuck = relay.oldestPendingAge().compareTo(config.relay().stuckAfter()) > 0;
        return HealthCheckResponse.named("outbox relay")
                .status(!stuck)
                .withData("pending", relay.pendingCount())
                .withData("oldestPendingSeconds", relay.oldestPendingAge().toSeconds())
                .build();
    }
}
