package app.convene.backbone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.convene.backbone.deadletter.DeadLetterResource;
import app.convene.backbone.testing.ChangeResources;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources resources = ChangeResources.besides(DeadLetterResource.class);
        assertThat(resources.serving()).contains(DeadLetterResource.class.getName());
        assertThat(resources.withoutAuditedChanges()).isEmpty();
    }
}
