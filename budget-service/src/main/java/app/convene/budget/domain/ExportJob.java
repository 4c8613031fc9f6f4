package app.convene.budget.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A finance export run as a job: queued, run by a worker, done (its file stored in chunks) or failed. Jobs are rows
 * of {@code export_job}, so they survive restarts.
 */
public record ExportJob(UUID id, LocalDate from, LocalDate to, Journal.Format format, Status status,
        Long linesTotal, long linesWritten, String failure, String requestedBy, Instant requestedAt,
        Instant startedAt, Instant finishedAt, long afterLedgerId, Long upToLedgerId) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
