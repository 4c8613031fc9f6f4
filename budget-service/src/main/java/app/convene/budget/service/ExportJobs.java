package app.convene.budget.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Date;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
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
    @Inject
    Clock clock;
    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    @Inject
    EntityManager entityManager;
    @Inject
    FinanceExport export;
    @Inject
    BudgetConfig config;
    @Inject
    Caller caller;

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    public record Job(UUID id, LocalDate from, LocalDate to, FinanceExport.Format format, Status status,
            Long linesTotal, long linesWritten, String failure, String requestedBy, Instant requestedAt,
            Instant startedAt, Instant finishedAt) {
    }

    /** What a worker holds while it runs a job. */
    record Claim(UUID id, int attempt, FinanceExport.Period period, FinanceExport.Format format,
            FinanceExport.Snapshot snapshot) {
    }

    /** The worker's attempt is no longer the job's current one: another worker took the job over. */
    static final class Superseded extends RuntimeException {
        Superseded(UUID id) {
            super("export job " + id + " was taken over by another worker", null, false, false);
        }
    }

    /** Queues an export of the caller's organisation's journal. */
    @Transactional
    public Job request(FinanceExport.Period period, FinanceExport.Format format) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into export_job (id, organisation, period_from, period_to, format, status, requested_by,
                                        requested_at)
                values (:id, :organisation, :from, :to, :format, 'QUEUED', :actor, :now)""")
                .setParameter("id", id).setParameter("organisation", caller.organisation())
                .setParameter("from", period.from()).setParameter("to", period.to())
                .setParameter("format", format.name()).setParameter("actor", caller.subject())
                .setParameter("now", clock.instant()).executeUpdate();
        return find(id);
    }

    /** One of the caller's organisation's jobs; another organisation's is not found. */
    @Transactional
    public Job find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, period_from, period_to, format, status, lines_total, lines_written, failure, requested_by,
                       requested_at, started_at, finished_at
                from export_job where id = :id and organisation = :organisation""")
                .setParameter("id", id).setParameter("organisation", caller.organisation()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("export job", id);
        }
        Object[] r = rows.get(0);
        return new Job((UUID) r[0], localDate(r[1]), localDate(r[2]), FinanceExport.Format.valueOf((String) r[3]),
                Status.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), (String) r[7], (String) r[8], instant(r[9]), instant(r[10]),
                instant(r[11]));
    }

    /** The file's chunk {@code seq}, or null past the last one. */
    @Transactional
    public byte[] chunk(UUID id, int seq) {
        @SuppressWarnings("unchecked")
        List<byte[]> data = entityManager.createNativeQuery(
                "select data from export_file_chunk where job_id = :id and seq = :seq")
                .setParameter("id", id).setParameter("seq", seq).getResultList();
        return data.isEmpty() ? null : data.get(0);
    }

    /** The finished job, ready to download; a 409 while it is not. */
    public Job downloadable(UUID id) {
        Job job = find(id);
        if (job.status() == Status.FAILED) {
            throw ProblemException.conflict("export-failed", "export job " + id + " failed: " + job.failure()
                    + "; request a new one with POST /api/finance/exports");
        }
        if (job.status() != Status.DONE) {
            throw ProblemException.conflict("export-not-ready", "export job " + id + " is " + job.status()
                    + " (" + job.linesWritten() + " of " + (job.linesTotal() == null ? "?" : job.linesTotal())
                    + " lines written); download it once GET /api/finance/exports/" + id + " says DONE");
        }
        return job;
    }

    /** The worker: runs queued jobs one after another until none is left. */
    @Scheduled(every = "${budget.export.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    update export_job set status = 'FAILED', failure = :failure, finished_at = :now, lease_until = null
                    where id = :id and attempt = :attempt and status = 'RUNNING'""")
                    .setParameter("failure", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                    .setParameter("now", clock.instant()).setParameter("id", claim.id())
                    .setParameter("attempt", claim.attempt()).executeUpdate());
        }
        return true;
    }

    /**
     * Takes the oldest queued job (or a running one whose lease ran out) as a new attempt. SKIP LOCKED: a job another
     * worker is claiming right now is passed over, never taken twice.
     */
    Claim claim() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update export_job set status = 'RUNNING', attempt = attempt + 1, lease_until = :lease,
                       started_at = :now, lines_written = 0
                where id = (select id from export_job
                            where status = 'QUEUED' or (status = 'RUNNING' and lease_until < :now)
                            order by requested_at, id limit 1
                            for update skip locked)
                returning id, attempt, period_from, period_to, format, organisation""")
                .setParameter("now", now).setParameter("lease", now.plus(lease())).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        UUID id = (UUID) r[0];
        // A previous attempt may have left chunks behind: this attempt writes the file from the start.
        entityManager.createNativeQuery("delete from export_file_chunk where job_id = :id").setParameter("id", id)
                .executeUpdate();
        FinanceExport.Period period = new FinanceExport.Period(localDate(r[2]), localDate(r[3]));
        FinanceExport.Snapshot snapshot = export.snapshot((String) r[5], period);
        entityManager.createNativeQuery("update export_job set upto_ledger_id = :upTo, lines_total = :total where id = :id")
                .setParameter("upTo", snapshot.upToLedgerId()).setParameter("total", snapshot.lines())
                .setParameter("id", id).executeUpdate();
        return new Claim(id, ((Number) r[1]).intValue(), period, FinanceExport.Format.valueOf((String) r[4]),
                snapshot);
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
            int current = entityManager.createNativeQuery("""
                    update export_job set lines_written = :written, lease_until = :lease,
                           status = case when :done then 'DONE' else status end,
                           finished_at = case when :done then cast(:now as timestamptz) else finished_at end
                    where id = :id and attempt = :attempt and status = 'RUNNING'""")
                    .setParameter("written", written).setParameter("done", done)
                    .setParameter("now", clock.instant()).setParameter("lease", clock.instant().plus(lease()))
                    .setParameter("id", claim.id()).setParameter("attempt", claim.attempt()).executeUpdate();
            if (current == 0) {
                throw new Superseded(claim.id());
            }
            if (data.length > 0) {
                entityManager.createNativeQuery("insert into export_file_chunk (job_id, seq, data) values (:id, :seq, :data)")
                        .setParameter("id", claim.id()).setParameter("seq", seq[0]).setParameter("data", data)
                        .executeUpdate();
                seq[0]++;
            }
        });
    }

    private Duration lease() {
        return config.export().lease();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
