package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;

import app.convene.budget.domain.Journal;

/**
 * A journal file ready to be sent: its period and format, the ledger id it holds the entries up to, and what writes it
 * to the output as it is read (the file is never held in memory whole).
 */
public record JournalFile(Journal.Period period, Journal.Format format, long upToLedgerId, Body body) {
    /** The response header naming the newest ledger entry a file holds: the exported-up-to marker to set after it. */
    public static final String UP_TO_HEADER = "Journal-Up-To";

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public String fileName() {
        return Journal.fileName(period, format);
    }

    public String contentType() {
        return format.mediaType + "; charset=" + format.charset;
    }
}
