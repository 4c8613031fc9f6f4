package app.convene.notification.gate.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.convene.notification.gate.domain.GatePolicy;
import app.convene.notification.gate.persistence.GateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The sweep that escalates to the leads: an event not yet started, inside its decision window and still NO_GO or
 * AT_RISK, is escalated once per decision (each event in its own transaction).
 */
@ApplicationScoped
public class GateEscalations {
    private static final Logger LOG = Logger.getLogger(GateEscalations.class);

    @Inject
    GateRepository repository;
    @Inject
    Gate gate;
    @Inject
    Clock clock;

    @Scheduled(every = "${gate.sweep-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        for (UUID eventId : QuarkusTransaction.requiringNew().call(
                () -> repository.dueForEscalation(clock.instant(), GatePolicy.DEFAULT.decisionDueBefore()))) {
            try {
                gate.escalate(eventId);
            } catch (RuntimeException e) {
                LOG.warnf("escalating the go/no-go decision of event %s failed; the next sweep tries again: %s",
                        eventId, e.getMessage());
            }
        }
    }
}
