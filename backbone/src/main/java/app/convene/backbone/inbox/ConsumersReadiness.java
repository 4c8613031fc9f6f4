package app.convene.backbone.inbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is down while a channel waits for something its records need (the database): it has stopped fetching and
 * will go on by itself. Each waiting channel is named with what it waits for, since when, and the last error.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {
    @Inject
    ConsumerChannels channels;

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerChannels.Wait> waiting = channels.waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(waiting.isEmpty());
        waiting.forEach((channel, wait) -> response.withData(channel,
                "waiting for the " + wait.waitingFor() + " since " + wait.since() + " (" + wait.reason() + ")"));
        return response.build();
    }
}
