package app.convene.notification.briefing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.briefing.domain.ReadinessCheck;
import app.convene.notification.briefing.domain.ReaderFormat;
import io.quarkus.qute.TemplateData;

/**
 * The geometry of the briefing's small charts, drawn as inline SVG by the {@code charts/*.html} templates (which
 * escape every text and add the titles and labels in the reader's language). Every chart keeps its size whatever
 * the data: no data draws an empty frame with a note, a single point or a zero draws without dividing by zero.
 */
public final class Charts {
    public static final int WIDTH = 480;
    public static final int HEIGHT = 200;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 14;
    static final int BOTTOM = 34;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    static final int BASELINE = TOP + PLOT_HEIGHT;

    private Charts() {
    }

    /** Two lines over time; {@code points} are "x,y x,y …" for a polyline. */
    @TemplateData
    public record LineChart(boolean empty, int yMax, String confirmedPoints, String waitlistedPoints,
            List<Dot> lastDots, String from, String to, int confirmed, int waitlisted) {
    }

    @TemplateData
    public record Dot(int x, int y, String series, int value) {
    }

    /** Bars grouped by category: estimate, forecast and actual side by side. */
    @TemplateData
    public record BarChart(boolean empty, String maxLabel, List<BarGroup> groups) {
    }

    @TemplateData
    public record BarGroup(String category, int labelX, List<Bar> bars) {
    }

    /** {@code series} is estimate, forecast or actual (the template names and colours it). */
    @TemplateData
    public record Bar(String series, int x, int y, int width, int height, String value) {
    }

    /** One light per check, and the overall colour: red if any is not met, amber if any is unknown, else green. */
    @TemplateData
    public record TrafficLight(String overall, int height, List<Light> lights) {
    }

    @TemplateData
    public record Light(String name, String status, String colour, int cy) {
        public int textY() {
            return cy + 4;
        }
    }

    public static LineChart headcount(List<PostEventFacts.HeadcountPoint> history, ReaderFormat format) {
        if (history.isEmpty()) {
            return new LineChart(true, 0, "", "", List.of(), ReaderFormat.NONE, ReaderFormat.NONE, 0, 0);
        }
        int max = 1;
        for (PostEventFacts.HeadcountPoint p : history) {
            max = Math.max(max, Math.max(p.confirmed(), p.waitlisted()));
        }
        int yMax = niceCeiling(max);
        Instant first = history.get(0).at();
        Instant last = history.get(history.size() - 1).at();
        long span = first == null || last == null ? 0 : Duration.between(first, last).toMillis();
        StringBuilder confirmed = new StringBuilder();
        StringBuilder waitlisted = new StringBuilder();
        int lastX = LEFT;
        for (int i = 0; i < history.size(); i++) {
            PostEventFacts.HeadcountPoint p = history.get(i);
            int x = x(i, history.size(), span, first, p.at());
            lastX = x;
            confirmed.append(i == 0 ? "" : " ").append(x).append(',').append(y(p.confirmed(), yMax));
            waitlisted.append(i == 0 ? "" : " ").append(x).append(',').append(y(p.waitlisted(), yMax));
        }
        PostEventFacts.HeadcountPoint end = history.get(history.size() - 1);
        return new LineChart(false, yMax, confirmed.toString(), waitlisted.toString(),
                List.of(new Dot(lastX, y(end.confirmed(), yMax), "confirmed", end.confirmed()),
                        new Dot(lastX, y(end.waitlisted(), yMax), "waitlisted", end.waitlisted())),
                format.dateTime(first), format.dateTime(last), end.confirmed(), end.waitlisted());
    }

    public static BarChart budget(PostEventFacts.BudgetActuals budget, ReaderFormat format) {
        if (budget == null || budget.categories().isEmpty()) {
            return new BarChart(true, ReaderFormat.NONE, List.of());
        }
        BigDecimal max = BigDecimal.ZERO;
        for (PostEventFacts.CategoryActuals c : budget.categories()) {
            max = max.max(c.estimate()).max(c.forecast()).max(c.actual());
        }
        int n = budget.categories().size();
        int groupWidth = PLOT_WIDTH / n;
        int barWidth = Math.max(2, Math.min(24, (groupWidth - 8) / 3));
        List<BarGroup> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PostEventFacts.CategoryActuals c = budget.categories().get(i);
            int groupX = LEFT + i * groupWidth + (groupWidth - 3 * barWidth) / 2;
            List<Bar> bars = List.of(bar("estimate", groupX, barWidth, c.estimate(), max, budget.currency(), format),
                    bar("forecast", groupX + barWidth, barWidth, c.forecast(), max, budget.currency(), format),
                    bar("actual", groupX + 2 * barWidth, barWidth, c.actual(), max, budget.currency(), format));
            groups.add(new BarGroup(c.category(), LEFT + i * groupWidth + groupWidth / 2, bars));
        }
        return new BarChart(false, format.money(max, budget.currency()), groups);
    }

    public static TrafficLight trafficLight(List<ReadinessCheck> checks) {
        List<Light> lights = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            ReadinessCheck check = checks.get(i);
            ReadinessCheck.Status status = check.status() == null ? ReadinessCheck.Status.UNKNOWN : check.status();
            lights.add(new Light(check.name() == null ? "" : check.name(), status.name(), colour(status),
                    56 + i * 26));
        }
        String overall = checks.isEmpty() ? "UNKNOWN"
                : lights.stream().anyMatch(l -> l.status().equals("NOT_MET")) ? "NOT_MET"
                        : lights.stream().anyMatch(l -> l.status().equals("UNKNOWN")) ? "UNKNOWN" : "MET";
        return new TrafficLight(overall, 56 + Math.max(1, checks.size()) * 26, lights);
    }

    /** The colour of a light: green, red, or amber for what is not known. */
    static String colour(ReadinessCheck.Status status) {
        return switch (status) {
            case MET -> "#2e7d32";
            case NOT_MET -> "#c62828";
            case UNKNOWN -> "#f9a825";
        };
    }

    private static Bar bar(String series, int x, int width, BigDecimal value, BigDecimal max, String currency,
            ReaderFormat format) {
        BigDecimal v = value == null || value.signum() < 0 ? BigDecimal.ZERO : value;
        int height = max.signum() == 0 ? 0
                : v.multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return new Bar(series, x, BASELINE - height, width, height, format.money(value, currency));
    }

    /** Evenly by time when the points span time; evenly by order when they do not (or there is one). */
    private static int x(int index, int count, long span, Instant first, Instant at) {
        if (count == 1) {
            return LEFT + PLOT_WIDTH / 2;
        }
        if (span <= 0 || at == null) {
            return LEFT + (int) ((long) PLOT_WIDTH * index / (count - 1));
        }
        return LEFT + (int) ((long) PLOT_WIDTH * Duration.between(first, at).toMillis() / span);
    }

    private static int y(int value, int yMax) {
        return BASELINE - (int) ((long) PLOT_HEIGHT * value / yMax);
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above {@code value}, so the axis ends on a round number. */
    static int niceCeiling(int value) {
        long step = 1;
        while (true) {
            for (long m : new long[] { 1, 2, 5 }) {
                if (m * step >= value) {
                    return (int) Math.min(Integer.MAX_VALUE, m * step);
                }
            }
            step *= 10;
        }
    }
}
