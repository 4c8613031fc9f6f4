package app.convene.budget.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.paging.Slice;
import app.convene.budget.domain.InvoiceImport;

/** A page of the organisation's invoice imports, newest first, and where the next page starts. */
public record InvoiceImportPage(@Schema(required = true) List<Listed> imports,
        @Schema(description = "Pass as 'after' for older imports; null on the last page") UUID next) {

    /** An import as listed: its status and counts; getInvoiceImport has its rows. */
    public record Listed(@Schema(required = true) UUID id,
            @Schema(required = true, description = "RUNNING, DONE or INTERRUPTED") String status,
            @Schema(description = "Invoice rows in the file (without the header)") int rowsTotal,
            @Schema(required = true, description = "How many rows had each outcome so far")
            InvoiceImportResponse.Counts counts,
            @Schema(required = true) String requestedBy, @Schema(required = true) Instant requestedAt,
            Instant finishedAt) {
    }

    static InvoiceImportPage of(Slice<InvoiceImport.Summary> page) {
        return new InvoiceImportPage(page.rows().stream().map(s -> new Listed(s.id(), s.status().name(),
                s.rowsTotal(), new InvoiceImportResponse.Counts(s.matched(), s.awaitingApproval(),
                        s.alreadyRecorded(), s.unmatched(), s.refused()), s.requestedBy(), s.requestedAt(),
                s.finishedAt())).toList(), page.next(InvoiceImport.Summary::id));
    }
}
