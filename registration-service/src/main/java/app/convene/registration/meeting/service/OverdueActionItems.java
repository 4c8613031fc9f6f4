package app.convene.registration.meeting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Every few minutes, open action items that passed their due date are announced, a batch per transaction. */
@ApplicationScoped
public class OverdueActionItems {
    private static final int BATCH = 200;

    @Inject
    ActionItems actionItems;

    @Scheduled(every = "${meetings.overdue-sweep-every:PT5M}", delayed = "PT30S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void sweep() {
        while (actionItems.announceOverdue(BATCH) == BATCH) {
            // another batch
        }
    }
}
