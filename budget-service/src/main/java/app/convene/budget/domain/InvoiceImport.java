package app.convene.budget.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import of a CSV file of invoices, a job of the organisation that requested it: each row is matched and recorded
 * on its own, with its outcome kept, so that a bad row is reported and never spoils the others.
 */
public record InvoiceImport(UUID id, Status status, int rowsTotal, String requestedBy, Instant requestedAt,
        Instant finishedAt, List<Row> rows) {

    public enum Status {
        RUNNING, DONE,
        /**
         * The service stopped before the import was through (a crash, a restart); the rows so far keep their outcomes,
         * and importing the file again records the rest.
         */
        INTERRUPTED
    }

    /** What became of a row. */
    public enum Outcome {
        /** Matched to a committed line and posted. */
        MATCHED,
        /** Matched, but over the commitment beyond the tolerance: awaits finance's approval. */
        AWAITING_APPROVAL,
        /** The same invoice was recorded before (by an earlier import, or at the same time); not counted again. */
        ALREADY_RECORDED,
        /** No committed line (or, for a credit note, no invoice) matches; the reason says why. */
        UNMATCHED,
        /** A field breaks a rule, or the invoice clashes with one recorded with other details; see the reason. */
        REFUSED
    }

    /** An import as listed: its status and how many rows had each outcome, without the rows. */
    public record Summary(UUID id, Status status, int rowsTotal, String requestedBy, Instant requestedAt,
            Instant finishedAt, int matched, int awaitingApproval, int alreadyRecorded, int unmatched, int refused) {
    }

    /** One row of the file (numbered from 1 after the header). */
    public record Row(int rowNumber, String vendor, String invoiceNumber, Outcome outcome, String reason,
            UUID invoiceId) {
    }
}
