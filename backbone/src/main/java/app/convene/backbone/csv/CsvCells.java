package app.convene.backbone.csv;

/**
 * Text that goes into a CSV file a person opens in a spreadsheet. A cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read as a formula (CSV injection: {@code =HYPERLINK(…)},
 * {@code @SUM(…)}, DDE); such a cell gets a leading {@code '}, which spreadsheets show as text and do not display.
 * Only text cells pass through here: numbers (a negative amount) are written as numbers, which no spreadsheet runs.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The cell as a spreadsheet will show it but never evaluate it; null stays null (an empty cell). */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
