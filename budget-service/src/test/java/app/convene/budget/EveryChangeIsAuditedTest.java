package app.convene.budget;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.ChangeResources;
import app.convene.budget.api.BudgetResource;

/** Every resource that serves a change records it in the audit trail together with the change (AuditedChanges). */
class EveryChangeIsAuditedTest {
    @Test
    void everyResourceServingAChangeRecordsItWithTheChange() {
        ChangeResources.requireAuditedChanges(BudgetResource.class);
    }
}
