package app.convene.notification.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.alert.service.BriefingReminders;
import io.quarkus.scheduler.Scheduled;

/**
 * The clockwork: due briefings become deliveries, overdue acknowledgements are reminded of, and pending deliveries
 * are sent or retried.
 */
@ApplicationScoped
public class DispatchSchedule {
    @Inject
    BriefingDispatcher dispatcher;
    @Inject
    DeliverySender sender;
    @Inject
    BriefingReminders reminders;

    @Scheduled(every = "${delivery.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        while (dispatcher.dispatchDue() > 0) {
            // keep going while a backlog remains
        }
        reminders.remindOverdue();
        sender.sendDue();
    }
}
