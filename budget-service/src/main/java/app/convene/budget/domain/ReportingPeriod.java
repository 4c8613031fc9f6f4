package app.convene.budget.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2027-03}), a quarter ({@code 2027-Q1}) or a year ({@code 2027}): the periods allowances are given
 * for and budgets are rolled up by. {@code start} is the first day, {@code end} the day after the last.
 */
public record ReportingPeriod(String key, LocalDate start, LocalDate end) {
    public static final String RULE = "must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY, e.g. 2027-03, "
            + "2027-Q1 or 2027";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?");

    /** The period the text names, or null when it names none. */
    public static ReportingPeriod parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1900) {
            return null;
        }
        if (m.group(2) != null) {
            LocalDate start = YearMonth.of(year, Integer.parseInt(m.group(2))).atDay(1);
            return new ReportingPeriod(text, start, start.plusMonths(1));
        }
        if (m.group(3) != null) {
            LocalDate start = LocalDate.of(year, 3 * (Integer.parseInt(m.group(3)) - 1) + 1, 1);
            return new ReportingPeriod(text, start, start.plusMonths(3));
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        return new ReportingPeriod(text, start, start.plusYears(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** The last day of the period. */
    public LocalDate last() {
        return end.minusDays(1);
    }
}
