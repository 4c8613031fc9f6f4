package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.problem.Rfc3339;

/**
 * The finance journal of a period as a file: its lines (two per posted ledger entry, a debit and a credit of the same
 * amount) and the balances per currency. This is the JSON document's shape; the file is written line by line as the
 * ledger is read, never built in memory.
 */
public record Journal(@Schema(required = true) Period period, @Schema(required = true) List<JournalLine> lines,
        @Schema(required = true) List<Balance> balances) {
    /** The media type of the CSV file. */
    public static final String CSV = "text/csv";
    /** The media type of the SIE file. */
    public static final String SIE = "application/x-sie";

    /** The days a journal covers, in UTC, both inclusive. */
    public record Period(@Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to) {
        public Period {
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "must not be before from");
            }
        }

        /** The period named by two dates like 2027-03-01; a 400 naming the field that is missing or not a date. */
        public static Period parse(String from, String to) {
            return new Period(date("from", from), date("to", to));
        }

        public Instant start() {
            return from.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        private static LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                throw ProblemException.invalidField(field, "is required (a date like 2027-03-01)");
            }
            try {
                return Rfc3339.date(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(field, "must be a date like 2027-03-01");
            }
        }
    }

    /** Debits and credits of one currency. */
    public record Balance(@Schema(required = true) String currency, @Schema(required = true) BigDecimal debit,
            @Schema(required = true) BigDecimal credit) {
    }

    /** The file formats of the journal. */
    public enum Format {
        CSV(Journal.CSV, "csv", "UTF-8"), JSON("application/json", "json", "UTF-8"),
        /** SIE type 4 (transactions), in the format's own character set, IBM PC 8-bit (code page 437). */
        SIE4(Journal.SIE, "se", "IBM437");

        public final String mediaType;
        public final String extension;
        public final String charset;

        Format(String mediaType, String extension, String charset) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.charset = charset;
        }

        /** The format named by {@code value} (CSV, JSON or SIE4); a 400 naming {@code field} otherwise. */
        public static Format parse(String field, String value) {
            for (Format format : values()) {
                if (format.name().equals(value)) {
                    return format;
                }
            }
            throw ProblemException.invalidField(field, "must be CSV, JSON or SIE4");
        }
    }

    /** The name a journal file of the period is downloaded as. */
    public static String fileName(Period period, Format format) {
        return "journal-" + period.from() + "-" + period.to() + "." + format.extension;
    }
}
