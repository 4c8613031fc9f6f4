package app.convene.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.convene.registration.api.EventResource;
import app.convene.backbone.testing.ChangeResources;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources resources = ChangeResources.besides(EventResource.class);
        assertThat(resources.serving()).contains(EventResource.class.getName());
        assertThat(resources.withoutAuditedChanges()).isEmpty();
    }
}
