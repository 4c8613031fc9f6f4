package app.convene.registration.meeting.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Every hour, the occurrences that came within the horizon are scheduled, one series per transaction. */
@ApplicationScoped
public class SeriesHorizon {
    private static final Logger LOG = Logger.getLogger(SeriesHorizon.class);

    @Inject
    RecurringMeetings meetings;

    @Scheduled(every = "${meetings.extend-every:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void moveOn() {
        for (UUID seriesId : meetings.dueForExtension()) {
            try {
                meetings.extend(seriesId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not schedule the next occurrences of meeting series %s", seriesId);
            }
        }
    }
}
