package app.convene.budget.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import app.convene.backbone.csv.CsvCells;

/**
 * The roll-up tree as CSV for spreadsheets: a COMPANY row with the company total first, then a DEPARTMENT row per
 * department, each below its parent (depth first), with its level, its path from the top, its own figures and its
 * total with everything below it. Amounts are numbers; text cells are neutralised for spreadsheets.
 */
public final class RollUpCsv {
    public static final List<String> COLUMNS = List.of("row", "level", "path", "department", "parent", "period",
            "currency", "budgets", "estimate", "committed", "forecast", "actual", "ownBudgets", "ownEstimate",
            "ownCommitted", "ownForecast", "ownActual", "allowance", "remaining", "overUnder");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private RollUpCsv() {
    }

    public static String of(RollUps.RollUpTree tree) {
        StringWriter out = new StringWriter();
        try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(out)) {
            RollUps.Figures c = tree.company();
            rows.write(Arrays.<Object>asList("COMPANY", 0, "", "", "", tree.period().key(), tree.currency(),
                    c.budgets(), c.estimate(), c.committed(), c.forecast(), c.actual(), null, null, null, null, null,
                    null, null, ""));
            for (RollUps.DepartmentNode node : tree.departments()) {
                write(rows, tree, node, 1, text(node.department()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(SequenceWriter rows, RollUps.RollUpTree tree, RollUps.DepartmentNode node, int level,
            String path) throws IOException {
        RollUps.Figures t = node.total();
        RollUps.Figures o = node.own();
        rows.write(Arrays.<Object>asList("DEPARTMENT", level, path, text(node.department()),
                node.parent() == null ? "" : text(node.parent()), tree.period().key(), tree.currency(), t.budgets(),
                t.estimate(), t.committed(), t.forecast(), t.actual(), o.budgets(), o.estimate(), o.committed(),
                o.forecast(), o.actual(), node.allowance(), node.remaining(),
                node.overUnder() == null ? "" : node.overUnder()));
        for (RollUps.DepartmentNode child : node.children()) {
            write(rows, tree, child, level + 1, path + " / " + text(child.department()));
        }
    }

    private static String text(String cell) {
        return CsvCells.neutralise(cell);
    }
}
