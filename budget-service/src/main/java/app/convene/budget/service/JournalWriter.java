package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import app.convene.backbone.csv.CsvCells;
import app.convene.budget.domain.Journal;
import app.convene.budget.domain.Journal.Balance;
import app.convene.budget.domain.Journal.Period;
import app.convene.budget.domain.JournalLine;

/**
 * Writes journal lines one at a time as they are read, as CSV, as the JSON document
 * {@code {"period":…,"lines":[…],"balances":[…]}} or as a SIE 4 file; nothing but the running balances is held in
 * memory. The
 * synchronous export and the export jobs both write through it, so their files are the same.
 */
public abstract class JournalWriter {
    public static final List<String> CSV_COLUMNS = List.of("id", "entryId", "postedAt", "entryType", "side",
            "glAccount", "costCentre", "poNumber", "eventId", "lineItemId", "vendor", "amount", "currency",
            "originalAmount", "originalCurrency", "rate", "description");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final CsvSchema CSV_SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(builder::addColumn);
        CSV_SCHEMA = builder.build();
    }

    /** The writer of a CSV or JSON file. */
    public static JournalWriter of(Journal.Format format, OutputStream out, Period period, ObjectMapper json)
            throws IOException {
        return switch (format) {
            case CSV -> new Csv(out);
            case JSON -> new Json(out, period, json);
            case SIE4 -> throw new IllegalArgumentException("a SIE file is written with its header: sie(...)");
        };
    }

    /** The writer of a SIE 4 file, which first lists what its entries use. */
    public static JournalWriter sie(OutputStream out, SieHeader header) throws IOException {
        return new Sie(out, header);
    }

    public abstract void write(JournalLine line) throws IOException;

    /** Writes a line of the ledger entry with this id (the SIE file numbers its vouchers with it). */
    public void write(long ledgerId, JournalLine line) throws IOException {
        write(line);
    }

    /** Pushes what was written so far to the output. */
    public abstract void flush() throws IOException;

    /** Ends the document (JSON: the balances) and flushes; the output stays open. */
    public abstract void finish() throws IOException;

    static final class Csv extends JournalWriter {
        private final Writer writer;
        private final SequenceWriter rows;

        Csv(OutputStream out) throws IOException {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            rows = CSV.writer(CSV_SCHEMA).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(writer);
        }

        @Override
        public void write(JournalLine l) throws IOException {
            // Text cells are neutralised for spreadsheets; amounts and rates stay numbers (a negative amount is a
            // number, not a formula, and must add up in the spreadsheet).
            rows.write(Arrays.<Object>asList(l.id(), l.entryId().toString(), l.postedAt().toString(),
                    text(l.entryType()), text(l.side()), text(l.glAccount()), text(l.costCentre()), text(l.poNumber()),
                    l.eventId().toString(), l.lineItemId().toString(), text(l.vendor()), l.amount(), text(l.currency()),
                    l.originalAmount(), text(l.originalCurrency()), l.rate(), text(l.description())));
        }

        private static String text(String cell) {
            return CsvCells.neutralise(cell);
        }

        @Override
        public void flush() throws IOException {
            rows.flush();
            writer.flush();
        }

        @Override
        public void finish() throws IOException {
            flush();
        }
    }

    /**
     * What a SIE file lists before its vouchers: the company, the period as its year, the currency of every amount,
     * the accounts with their names, the cost centres (dimension 1) and the events (dimension 6, projects), and the
     * date the file is of (its newest entry's, so a re-export is byte-identical).
     */
    public record SieHeader(String company, Period period, String currency, LocalDate generated,
            Map<String, String> accounts, List<String> costCentres, Map<String, String> events) {
    }

    /**
     * SIE type 4: one {@code #VER} per ledger entry (series CV, numbered with the ledger id) holding its debit (a
     * positive amount) and its credit (negative) as {@code #TRANS} rows, so every voucher balances to zero. Written in
     * code page 437 with CR LF line ends, as the format prescribes; characters it has no place for become '?'.
     */
    static final class Sie extends JournalWriter {
        static final String SERIES = "CV";
        static final int COST_CENTRE_DIMENSION = 1;
        static final int PROJECT_DIMENSION = 6;
        private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
        private final Writer writer;
        private final String currency;
        private JournalLine debit;

        Sie(OutputStream out, SieHeader header) throws IOException {
            writer = new OutputStreamWriter(out, Charset.forName(Journal.Format.SIE4.charset));
            currency = header.currency();
            record("#FLAGGA", "0");
            record("#PROGRAM", quote("Convene budget-service"), quote("1.0"));
            record("#FORMAT", "PC8");
            record("#GEN", date(header.generated()));
            record("#SIETYP", "4");
            record("#FNAMN", quote(header.company()));
            record("#RAR", "0", date(header.period().from()), date(header.period().to()));
            record("#VALUTA", header.currency());
            record("#DIM", String.valueOf(COST_CENTRE_DIMENSION), quote("Kostnadsställe"));
            record("#DIM", String.valueOf(PROJECT_DIMENSION), quote("Projekt"));
            for (Map.Entry<String, String> account : header.accounts().entrySet()) {
                record("#KONTO", account(account.getKey()), quote(account.getValue()));
            }
            for (String costCentre : header.costCentres()) {
                record("#OBJEKT", String.valueOf(COST_CENTRE_DIMENSION), quote(costCentre), quote(costCentre));
            }
            for (Map.Entry<String, String> event : header.events().entrySet()) {
                record("#OBJEKT", String.valueOf(PROJECT_DIMENSION), quote(event.getKey()), quote(event.getValue()));
            }
        }

        @Override
        public void write(JournalLine line) {
            throw new UnsupportedOperationException("a SIE voucher is numbered: write(ledgerId, line)");
        }

        @Override
        public void write(long ledgerId, JournalLine line) throws IOException {
            if (!line.currency().equals(currency)) {
                throw new IllegalStateException("entry " + line.entryId() + " is in " + line.currency()
                        + ", the file in " + currency);
            }
            if (line.side().equals("DEBIT")) {
                debit = line;
                return;
            }
            JournalLine credit = line;
            String day = date(LocalDate.ofInstant(debit.postedAt(), ZoneOffset.UTC));
            record("#VER", SERIES, String.valueOf(ledgerId), day, quote(debit.description()), day);
            writer.write("{\r\n");
            trans(debit, debit.amount(), day);
            trans(credit, credit.amount().negate(), day);
            writer.write("}\r\n");
            debit = null;
        }

        private void trans(JournalLine line, BigDecimal amount, String day) throws IOException {
            StringBuilder objects = new StringBuilder("{");
            if (line.costCentre() != null) {
                objects.append(COST_CENTRE_DIMENSION).append(' ').append(quote(line.costCentre())).append(' ');
            }
            objects.append(PROJECT_DIMENSION).append(' ').append(quote(line.eventId().toString())).append('}');
            record("   #TRANS", account(line.glAccount()), objects.toString(), amount.toPlainString(), day,
                    quote(line.vendor() == null ? "" : line.vendor()));
        }

        private void record(String label, String... fields) throws IOException {
            writer.write(label);
            for (String field : fields) {
                writer.write(' ');
                writer.write(field);
            }
            writer.write("\r\n");
        }

        private static String date(LocalDate date) {
            return date.format(DATE);
        }

        /** An account number as it is when it is all digits; quoted otherwise. */
        private static String account(String account) {
            return account.chars().allMatch(c -> c >= '0' && c <= '9') ? account : quote(account);
        }

        /** A SIE string: in double quotes, a quote or backslash escaped with a backslash, no control characters. */
        static String quote(String text) {
            StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    quoted.append('\\');
                }
                quoted.append(c < ' ' || c == 0x7f ? ' ' : c);
            }
            return quoted.append('"').toString();
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void finish() throws IOException {
            flush();
        }
    }

    static final class Json extends JournalWriter {
        private final JsonGenerator generator;
        private final ObjectWriter values;
        private final Map<String, BigDecimal[]> sums = new TreeMap<>();

        Json(OutputStream out, Period period, ObjectMapper mapper) throws IOException {
            generator = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .without(SerializationFeature.CLOSE_CLOSEABLE);
            generator.writeStartObject();
            generator.writeFieldName("period");
            values.writeValue(generator, period);
            generator.writeArrayFieldStart("lines");
        }

        @Override
        public void write(JournalLine line) throws IOException {
            values.writeValue(generator, line);
            BigDecimal[] sum = sums.computeIfAbsent(line.currency(),
                    c -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            int side = line.side().equals("DEBIT") ? 0 : 1;
            sum[side] = sum[side].add(line.amount());
        }

        @Override
        public void flush() throws IOException {
            generator.flush();
        }

        @Override
        public void finish() throws IOException {
            generator.writeEndArray();
            List<Balance> balances = new ArrayList<>();
            sums.forEach((currency, sum) -> balances.add(new Balance(currency, sum[0], sum[1])));
            generator.writeFieldName("balances");
            values.writeValue(generator, balances);
            generator.writeEndObject();
            generator.flush();
        }
    }
}
