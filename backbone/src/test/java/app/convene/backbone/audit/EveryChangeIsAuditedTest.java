package app.convene.backbone.audit;

import org.junit.jupiter.api.Test;

import app.convene.backbone.deadletter.DeadLetterResource;
import app.convene.backbone.testing.ChangeResources;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources.requireAuditedChanges(DeadLetterResource.class);
    }
}
