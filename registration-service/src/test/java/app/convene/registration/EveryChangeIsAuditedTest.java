package app.convene.registration;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.ChangeResources;
import app.convene.registration.api.EventResource;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources.requireAuditedChanges(EventResource.class);
    }
}
