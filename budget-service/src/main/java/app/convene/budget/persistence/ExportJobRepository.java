package app.convene.budget.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.ExportJob;
import app.convene.budget.domain.Journal;

/**
 * Reads and writes the export jobs ({@code export_job}) and their files' chunks ({@code export_file_chunk}). A
 * worker's writes name the attempt it claimed and change nothing once another attempt took the job over.
 */
@ApplicationScoped
public class ExportJobRepository {
    private static final String COLUMNS = "id, period_from, period_to, format, status, lines_total, lines_written, "
            + "failure, requested_by, requested_at, started_at, finished_at, after_ledger_id, upto_ledger_id";

    @Inject
    EntityManager entityManager;

    /** A job a worker just claimed, as a new attempt. */
    public record Claimed(UUID id, int attempt, Journal.Period period, Journal.Format format, String organisation,
            long afterLedgerId) {
    }

    public void insertQueued(UUID id, String organisation, Journal.Period period, Journal.Format format,
            long afterLedgerId, String requestedBy, Instant now) {
        entityManager.createNativeQuery("""
                insert into export_job (id, organisation, period_from, period_to, format, after_ledger_id, status,
                                        requested_by, requested_at)
                values (:id, :organisation, :from, :to, :format, :after, 'QUEUED', :actor, :now)""")
                .setParameter("after", afterLedgerId)
                .setParameter("id", id).setParameter("organisation", organisation)
                .setParameter("from", period.from()).setParameter("to", period.to())
                .setParameter("format", format.name()).setParameter("actor", requestedBy)
                .setParameter("now", now).executeUpdate();
    }

    /** The organisation's job; null when it has none with this id. */
    public ExportJob find(UUID id, String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS
                + " from export_job where id = :id and organisation = :organisation")
                .setParameter("id", id).setParameter("organisation", organisation).getResultList();
        return rows.isEmpty() ? null : job(rows.get(0));
    }

    /**
     * A page of the organisation's jobs, newest first: after the job {@code after} when not null (a job of another
     * organisation is no position, and gives no rows).
     */
    public List<ExportJob> page(String organisation, UUID after, int rows) {
        String position = after == null ? "" : " and (requested_at, id) < (select b.requested_at, b.id "
                + "from export_job b where b.id = :after and b.organisation = :organisation)";
        var query = entityManager.createNativeQuery("select " + COLUMNS + " from export_job "
                + "where organisation = :organisation" + position + " order by requested_at desc, id desc limit :rows")
                .setParameter("organisation", organisation).setParameter("rows", rows);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream().map(ExportJobRepository::job).toList();
    }

    private static ExportJob job(Object[] r) {
        return new ExportJob((UUID) r[0], localDate(r[1]), localDate(r[2]), Journal.Format.valueOf((String) r[3]),
                ExportJob.Status.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), (String) r[7], (String) r[8], instant(r[9]), instant(r[10]),
                instant(r[11]), ((Number) r[12]).longValue(), r[13] == null ? null : ((Number) r[13]).longValue());
    }

    /** The file's chunk {@code seq}, or null past the last one. */
    public byte[] chunk(UUID id, int seq) {
        @SuppressWarnings("unchecked")
        List<byte[]> data = entityManager.createNativeQuery(
                "select data from export_file_chunk where job_id = :id and seq = :seq")
                .setParameter("id", id).setParameter("seq", seq).getResultList();
        return data.isEmpty() ? null : data.get(0);
    }

    /**
     * Claims the oldest queued job (or a running one whose lease ran out at {@code now}) as a new attempt leased until
     * {@code leaseUntil}; null when there is none. SKIP LOCKED: a job another worker is claiming right now is passed
     * over, never taken twice.
     */
    public Claimed claimNext(Instant now, Instant leaseUntil) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update export_job set status = 'RUNNING', attempt = attempt + 1, lease_until = :lease,
                       started_at = :now, lines_written = 0
                where id = (select id from export_job
                            where status = 'QUEUED' or (status = 'RUNNING' and lease_until < :now)
                            order by requested_at, id limit 1
                            for update skip locked)
                returning id, attempt, period_from, period_to, format, organisation, after_ledger_id""")
                .setParameter("now", now).setParameter("lease", leaseUntil).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Claimed((UUID) r[0], ((Number) r[1]).intValue(),
                new Journal.Period(localDate(r[2]), localDate(r[3])), Journal.Format.valueOf((String) r[4]),
                (String) r[5], ((Number) r[6]).longValue());
    }

    /** Removes the chunks an earlier attempt left behind. */
    public void deleteChunks(UUID id) {
        entityManager.createNativeQuery("delete from export_file_chunk where job_id = :id").setParameter("id", id)
                .executeUpdate();
    }

    /** Fixes what the run exports: the entries up to this ledger id, making this many lines. */
    public void fixContents(UUID id, long upToLedgerId, long linesTotal) {
        entityManager.createNativeQuery("update export_job set upto_ledger_id = :upTo, lines_total = :total where id = :id")
                .setParameter("upTo", upToLedgerId).setParameter("total", linesTotal)
                .setParameter("id", id).executeUpdate();
    }

    /**
     * Records the attempt's progress and renews its lease (and, when {@code done}, finishes the job); false when the
     * attempt is no longer the job's current one, and then nothing changed.
     */
    public boolean recordProgress(UUID id, int attempt, long written, boolean done, Instant now, Instant leaseUntil) {
        return entityManager.createNativeQuery("""
                update export_job set lines_written = :written, lease_until = :lease,
                       status = case when :done then 'DONE' else status end,
                       finished_at = case when :done then cast(:now as timestamptz) else finished_at end
                where id = :id and attempt = :attempt and status = 'RUNNING'""")
                .setParameter("written", written).setParameter("done", done)
                .setParameter("now", now).setParameter("lease", leaseUntil)
                .setParameter("id", id).setParameter("attempt", attempt).executeUpdate() > 0;
    }

    public void insertChunk(UUID id, int seq, byte[] data) {
        entityManager.createNativeQuery("insert into export_file_chunk (job_id, seq, data) values (:id, :seq, :data)")
                .setParameter("id", id).setParameter("seq", seq).setParameter("data", data)
                .executeUpdate();
    }

    /** Fails the attempt's job with the reason, unless another attempt took it over. */
    public void markFailed(UUID id, int attempt, String failure, Instant now) {
        entityManager.createNativeQuery("""
                update export_job set status = 'FAILED', failure = :failure, finished_at = :now, lease_until = null
                where id = :id and attempt = :attempt and status = 'RUNNING'""")
                .setParameter("failure", failure)
                .setParameter("now", now).setParameter("id", id)
                .setParameter("attempt", attempt).executeUpdate();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
