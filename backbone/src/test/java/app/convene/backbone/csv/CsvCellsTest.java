package app.convene.backbone.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsAFormulaWouldStartWithAreKeptAsText() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(CsvCells.neutralise("+1+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(CsvCells.neutralise("Quinn, Senior")).isEqualTo("Quinn, Senior");
        assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(null)).isNull();
    }
}
