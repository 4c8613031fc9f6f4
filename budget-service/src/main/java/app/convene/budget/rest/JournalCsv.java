package app.convene.budget.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import app.convene.budget.service.FinanceExport.JournalLine;

/** Journal lines as CSV (RFC 4180, header row, amounts as plain decimals). */
public final class JournalCsv {
    public static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("id", "entryId", "postedAt", "entryType", "side", "glAccount",
            "costCentre", "poNumber", "eventId", "lineItemId", "vendor", "amount", "currency", "originalAmount",
            "originalCurrency", "rate", "description");
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private final SequenceWriter rows;

    public JournalCsv(Writer out) throws IOException {
        rows = MAPPER.writer(SCHEMA).writeValues(out);
    }

    public void write(JournalLine l) throws IOException {
        rows.write(Arrays.<Object>asList(l.id(), l.entryId().toString(), l.postedAt().toString(), l.entryType(), l.side(),
                l.glAccount(), l.costCentre(), l.poNumber(), l.eventId().toString(), l.lineItemId().toString(),
                l.vendor(), l.amount(), l.currency(), l.originalAmount(), l.originalCurrency(), l.rate(), l.description()));
    }

    public void flush() throws IOException {
        rows.flush();
    }
}
