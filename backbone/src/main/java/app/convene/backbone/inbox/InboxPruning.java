package app.convene.backbone.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.outbox.BackboneConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets inbox receipts older than {@code backbone.inbox.retention} (14 days by default). A receipt only guards
 * against a redelivery; keep it longer than a record can be redelivered (the topic's retention, or a replay you
 * intend to run), since a record older than its receipt would be applied again.
 */
@ApplicationScoped
public class InboxPruning {
    @Inject
    EntityManager entityManager;
    @Inject
    BackboneConfig config;

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pruneHourly() {
        prune();
    }

    /**
     * Deletes the receipts older than the retention, and the notes of hung records as old (their records long since
     * applied, set aside or gone from the topic); returns how many receipts.
     */
    @Transactional
    public int prune() {
        Instant before = Instant.now().minus(config.inbox().retention());
        entityManager.createNativeQuery("delete from inbox_hung_record where noted_at < :before")
                .setParameter("before", before).executeUpdate();
        return entityManager.createNativeQuery("delete from inbox_event where received_at < :before")
                .setParameter("before", before).executeUpdate();
    }
}
