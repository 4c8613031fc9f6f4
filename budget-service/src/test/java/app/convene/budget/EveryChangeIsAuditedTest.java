package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.convene.budget.api.BudgetResource;
import app.convene.backbone.testing.ChangeResources;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources resources = ChangeResources.besides(BudgetResource.class);
        assertThat(resources.serving()).contains(BudgetResource.class.getName());
        assertThat(resources.withoutAuditedChanges()).isEmpty();
    }
}
