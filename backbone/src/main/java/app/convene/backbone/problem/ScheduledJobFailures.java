package app.convene.backbone.problem;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.SuccessfulExecution;

/**
 * What a scheduled job's failure is logged as (the scheduler's own ERROR line is switched off in the backbone's
 * configuration). The database being away (down, restarting, out of connections) is an outage the job rides out: its
 * next run tries again, so the first failed run of each job is a WARN naming the job and the cause, and the following
 * ones, until a run succeeds, are DEBUG. Anything else is a bug and an ERROR with its stack trace, as before.
 */
@ApplicationScoped
public class ScheduledJobFailures {
    private static final Logger LOG = Logger.getLogger(ScheduledJobFailures.class);

    /** The jobs whose last run failed because the database was away, by trigger id. */
    private final Set<String> waitingForTheDatabase = ConcurrentHashMap.newKeySet();

    void failed(@Observes FailedExecution failed) {
        String job = failed.getExecution().getTrigger().getId();
        Throwable cause = failed.getException();
        if (DatabaseOutage.isCauseOf(cause)) {
            LOG.logf(waitingForTheDatabase.add(job) ? Logger.Level.WARN : Logger.Level.DEBUG,
                    "Scheduled job %s could not run, the database is unavailable (%s); it runs again at its next turn",
                    job, ProblemMappers.rootMessage(cause));
            return;
        }
        LOG.errorf(cause, "Scheduled job %s failed", job);
    }

    void succeeded(@Observes SuccessfulExecution succeeded) {
        if (!waitingForTheDatabase.isEmpty()
                && waitingForTheDatabase.remove(succeeded.getExecution().getTrigger().getId())) {
            LOG.infof("Scheduled job %s runs again", succeeded.getExecution().getTrigger().getId());
        }
    }
}
