package app.convene.budget.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.ExportJob;

public record ExportJobResponse(@Schema(required = true) UUID id,
        @Schema(required = true, description = "QUEUED, RUNNING, DONE or FAILED") String status,
        @Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to,
        @Schema(required = true) String format,
        @Schema(description = "Journal lines written so far") long linesWritten,
        @Schema(description = "Journal lines the export holds; null until the job starts") Long linesTotal,
        @Schema(description = "Why the job failed; null unless FAILED") String failure,
        @Schema(description = "Where to download the file; null until DONE", examples =
                "/api/finance/exports/0b9c…/file") String download,
        @Schema(required = true) String requestedBy, @Schema(required = true) Instant requestedAt,
        Instant startedAt, Instant finishedAt,
        @Schema(description = "The file holds the ledger entries after this id: 0 for the whole period, else the "
                + "exported-up-to marker when the job was requested") long afterLedgerId,
        @Schema(description = "The newest ledger entry the file holds (its Journal-Up-To); null until the job "
                + "starts") Long upToLedgerId) {

    static ExportJobResponse of(ExportJob j) {
        return new ExportJobResponse(j.id(), j.status().name(), j.from(), j.to(), j.format().name(),
                j.linesWritten(), j.linesTotal(), j.failure(),
                j.status() == ExportJob.Status.DONE ? "/api/finance/exports/" + j.id() + "/file" : null,
                j.requestedBy(), j.requestedAt(), j.startedAt(), j.finishedAt(), j.afterLedgerId(),
                j.upToLedgerId());
    }
}
