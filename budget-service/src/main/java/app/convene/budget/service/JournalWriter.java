package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * Writes journal lines one at a time as they are read, as CSV or as the JSON document
 * {@code {"period":…,"lines":[…],"balances":[…]}}; nothing but the running balances is held in memory. The
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

    public static JournalWriter of(Journal.Format format, OutputStream out, Period period, ObjectMapper json)
            throws IOException {
        return format == Journal.Format.CSV ? new Csv(out) : new Json(out, period, json);
    }

    public abstract void write(JournalLine line) throws IOException;

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
