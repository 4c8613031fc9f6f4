package app.convene.notification.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import app.convene.notification.feedback.service.Acknowledgements;

/** The clockwork: due briefings become deliveries, and pending deliveries are sent or retried, and overdue acknowledgements are reminded of. */
@ApplicationScoped
public class DispatchSchedule {
    @Inject
    BriefingDispatcher dispatcher;
    @Inject
    DeliverySender sender;
    @Inject
    Acknowledgements acknowledgements;

    @Scheduled(every = "${delivery.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        while (dispatcher.dispatchDue() > 0) {
            // keep going while a backlog remains
        }
        acknowledgements.remindOverdue();
        sender.sendDue();
    }
}
