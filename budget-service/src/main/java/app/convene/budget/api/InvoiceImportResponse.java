package app.convene.budget.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.InvoiceImport;

public record InvoiceImportResponse(@Schema(required = true) UUID id,
        @Schema(required = true, description = "RUNNING, DONE, or INTERRUPTED when the service stopped before the "
                + "import was through (its rows so far keep their outcomes; import the file again for the rest)")
        String status,
        @Schema(description = "Invoice rows in the file (without the header)") int rowsTotal,
        @Schema(required = true, description = "How many rows had each outcome") Counts counts,
        @Schema(required = true, description = "Each row's outcome, in file order") List<RowOutcome> rows,
        @Schema(required = true) String requestedBy, @Schema(required = true) Instant requestedAt,
        Instant finishedAt) {

    public record Counts(int matched, int awaitingApproval, int alreadyRecorded, int unmatched, int refused) {
    }

    public record RowOutcome(
            @Schema(description = "1 for the first row after the header") int row,
            String vendor, String invoiceNumber,
            @Schema(required = true,
                    description = "MATCHED (posted), AWAITING_APPROVAL, ALREADY_RECORDED, UNMATCHED or REFUSED")
            String outcome,
            @Schema(description = "Why a row was unmatched or refused, or awaits approval") String reason,
            @Schema(description = "The invoice recorded (or recorded before); null when none") UUID invoiceId) {
    }

    static InvoiceImportResponse of(InvoiceImport job) {
        int[] counts = new int[InvoiceImport.Outcome.values().length];
        List<RowOutcome> rows = job.rows().stream().map(r -> {
            counts[r.outcome().ordinal()]++;
            return new RowOutcome(r.rowNumber(), r.vendor(), r.invoiceNumber(), r.outcome().name(), r.reason(),
                    r.invoiceId());
        }).toList();
        return new InvoiceImportResponse(job.id(), job.status().name(), job.rowsTotal(),
                new Counts(counts[InvoiceImport.Outcome.MATCHED.ordinal()],
                        counts[InvoiceImport.Outcome.AWAITING_APPROVAL.ordinal()],
                        counts[InvoiceImport.Outcome.ALREADY_RECORDED.ordinal()],
                        counts[InvoiceImport.Outcome.UNMATCHED.ordinal()],
                        counts[InvoiceImport.Outcome.REFUSED.ordinal()]),
                rows, job.requestedBy(), job.requestedAt(), job.finishedAt());
    }
}
