package app.convene.budget.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.ExportJob;
import app.convene.budget.domain.Journal;
import app.convene.budget.persistence.ExportJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Finance exports run as jobs. A job is a row (durable: it survives restarts); a worker claims the oldest queued
 * one with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers (threads or instances) never take the same job.
 * The claim is an attempt with a lease; the worker writes the journal through the same code as the synchronous
 * export and stores the file in chunks, each chunk committed together with the progress and a renewed lease, and
 * only while its attempt is still the job's current one. A job whose worker stopped (lease run out) is claimed
 * again and starts over. A job exports the journal of the organisation that requested it, and only that
 * organisation's finance sees it.
 */
@ApplicationScoped
public class ExportJobs {
    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    @Inject
    Clock clock;
    @Inject
    ExportJobRepository repository;
    @Inject
    FinanceExport export;
    @Inject
    BudgetConfig config;
    @Inject
    Caller caller;
    @Inject
    JournalMarkers markers;

    /** What a worker holds while it runs a job. */
    record Claim(UUID id, int attempt, Journal.Period period, Journal.Format format,
            FinanceExport.Snapshot snapshot) {
    }

    /** The worker's attempt is no longer the job's current one: another worker took the job over. */
    static final class Superseded extends RuntimeException {
        Superseded(UUID id) {
            super("export job " + id + " was taken over by another worker", null, false, false);
        }
    }

    /**
     * Queues an export of the caller's organisation's journal: of the whole period, or (since the marker) of the
     * entries after the exported-up-to marker as it stands now.
     */
    @Transactional
    public ExportJob request(Journal.Period period, Journal.Format format, boolean sinceMarker) {
        UUID id = UUID.randomUUID();
        String organisation = caller.organisation();
        repository.insertQueued(id, organisation, period, format, sinceMarker ? markers.upTo(organisation) : 0,
                caller.subject(), clock.instant());
        return find(id);
    }

    /** One of the caller's organisation's jobs; another organisation's is not found. */
    @Transactional
    public ExportJob find(UUID id) {
        ExportJob job = repository.find(id, caller.organisation());
        if (job == null) {
            throw ProblemException.notFound("export job", id);
        }
        return job;
    }

    /** The most jobs one page of the list holds. */
    public static final int MAX_PAGE = 100;

    /** A page of the caller's organisation's jobs, newest first; after the job {@code after} when not null. */
    @Transactional
    public Slice<ExportJob> list(UUID after, int limit) {
        String organisation = caller.organisation();
        if (after != null && repository.find(after, organisation) == null) {
            throw ProblemException.invalidField("after", "must be the id of an export job of your organisation (the "
                    + "previous page's next)");
        }
        return Slice.of(repository.page(organisation, after, limit + 1), limit);
    }

    /**
     * The file of the finished job, read chunk by chunk as it is sent, each chunk in its own short transaction (never
     * held in memory whole); a 409 while the job is not done.
     */
    public JournalFile file(UUID id) {
        ExportJob job = downloadable(id);
        return new JournalFile(new Journal.Period(job.from(), job.to()), job.format(), job.upToLedgerId(), out -> {
            for (int seq = 0;; seq++) {
                int next = seq;
                byte[] chunk = QuarkusTransaction.requiringNew().call(() -> repository.chunk(id, next));
                if (chunk == null) {
                    break;
                }
                out.write(chunk);
            }
            out.flush();
        });
    }

    /** The finished job, ready to download; a 409 while it is not. */
    private ExportJob downloadable(UUID id) {
        ExportJob job = find(id);
        if (job.status() == ExportJob.Status.FAILED) {
            throw ProblemException.conflict("export-failed", "export job " + id + " failed: " + job.failure()
                    + "; request a new one with POST /api/finance/exports");
        }
        if (job.status() != ExportJob.Status.DONE) {
            throw ProblemException.conflict("export-not-ready", "export job " + id + " is " + job.status()
                    + " (" + job.linesWritten() + " of " + (job.linesTotal() == null ? "?" : job.linesTotal())
                    + " lines written); download it once GET /api/finance/exports/" + id + " says DONE");
        }
        return job;
    }

    /** The worker: runs queued jobs one after another until none is left. */
    @Scheduled(every = "${budget.export.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void work() {
        while (runNext()) {
            // next job
        }
    }

    /** Claims and runs one job; false when there was none to claim. */
    public boolean runNext() {
        Claim claim = QuarkusTransaction.requiringNew().call(this::claim);
        if (claim == null) {
            return false;
        }
        try {
            run(claim);
        } catch (Superseded e) {
            LOG.info(e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "export job %s failed", claim.id());
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> repository.markFailed(claim.id(), claim.attempt(),
                    reason.length() > 1000 ? reason.substring(0, 1000) : reason, clock.instant()));
        }
        return true;
    }

    /**
     * Takes the oldest queued job (or a running one whose lease ran out) as a new attempt, and fixes what it exports.
     */
    Claim claim() {
        Instant now = clock.instant();
        ExportJobRepository.Claimed claimed = repository.claimNext(now, now.plus(lease()));
        if (claimed == null) {
            return null;
        }
        // A previous attempt may have left chunks behind: this attempt writes the file from the start.
        repository.deleteChunks(claimed.id());
        FinanceExport.Snapshot snapshot = export.snapshot(claimed.organisation(), claimed.period(),
                claimed.afterLedgerId());
        repository.fixContents(claimed.id(), snapshot.upToLedgerId(), snapshot.lines());
        return new Claim(claimed.id(), claimed.attempt(), claimed.period(), claimed.format(), snapshot);
    }

    private void run(Claim claim) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int[] seq = { 0 };
        int entriesPerPage = Math.max(1, config.export().progressEvery() / 2);
        export.write(claim.period(), claim.format(), claim.snapshot(), entriesPerPage, buffer,
                written -> store(claim, buffer, seq, written, false));
        store(claim, buffer, seq, claim.snapshot().lines(), true);
    }

    /** Commits what was written since the last chunk as the next chunk, with the progress (and, at the end, DONE). */
    private void store(Claim claim, ByteArrayOutputStream buffer, int[] seq, long written, boolean done) {
        byte[] data = buffer.toByteArray();
        buffer.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            if (!repository.recordProgress(claim.id(), claim.attempt(), written, done, clock.instant(),
                    clock.instant().plus(lease()))) {
                throw new Superseded(claim.id());
            }
            if (data.length > 0) {
                repository.insertChunk(claim.id(), seq[0], data);
                seq[0]++;
            }
        });
    }

    private Duration lease() {
        return config.export().lease();
    }
}
