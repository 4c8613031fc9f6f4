package app.convene.backbone.deadletter;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.outbox.BackboneConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes dead letters older than {@code backbone.dead-letters.retention} (30 days by default), settled or not: a
 * letter keeps the record's whole value, and what a record says about a person must not outlive its purpose. A
 * pending letter deleted this way is logged, so an operator learns that a failure went unsettled.
 */
@ApplicationScoped
public class DeadLetterPruning {
    private static final Logger LOG = Logger.getLogger(DeadLetterPruning.class);

    @Inject
    EntityManager entityManager;
    @Inject
    BackboneConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "1h", delayed = "2m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pruneHourly() {
        prune();
    }

    /** Deletes the letters older than the retention; returns how many. */
    @Transactional
    public int prune() {
        Instant before = clock.instant().minus(config.deadLetters().retention());
        Number unsettled = (Number) entityManager.createNativeQuery(
                "select count(*) from dead_letter where dead_lettered_at < :before and state = 'PENDING'")
                .setParameter("before", before).getSingleResult();
        if (unsettled.longValue() > 0) {
            LOG.warnf("Deleting %d dead letters that were never settled (older than %s)", unsettled.longValue(),
                    config.deadLetters().retention());
        }
        return entityManager.createNativeQuery("delete from dead_letter where dead_lettered_at < :before")
                .setParameter("before", before).executeUpdate();
    }
}
