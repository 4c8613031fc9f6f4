package app.convene.registration.meeting.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.convene.backbone.problem.ProblemException;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A meeting series' recurrence rule (the value of an RFC 5545 RRULE), read and expanded with ical4j. At most one
 * occurrence per day: the rule gives dates, the series gives the time of day. {@code UNTIL} is kept in UTC (as RFC 5545
 * requires beside a DTSTART with a time zone) and applied here, as an instant, after the expansion.
 */
public final class Recurrence {
    private static final Pattern UNTIL = Pattern.compile("(?i)(^|;)UNTIL=([0-9TZ]+)");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String rule;
    private final Recur<LocalDateTime> withoutUntil;
    private final Instant until;

    private Recurrence(String rule, Recur<LocalDateTime> withoutUntil, Instant until) {
        this.rule = rule;
        this.withoutUntil = withoutUntil;
        this.until = until;
    }

    /**
     * Reads a rule for a series starting on {@code firstDate} at {@code startTime} in {@code zone}. Refuses, naming
     * {@code field}: what is not an RRULE, more than one occurrence a day (SECONDLY, MINUTELY, HOURLY, BYHOUR,
     * BYMINUTE, BYSECOND), and a first date the rule does not give.
     */
    public static Recurrence read(String field, String value, LocalDate firstDate, LocalTime startTime, ZoneId zone) {
        String text = value.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        if (text.isEmpty() || text.length() > 400 || text.contains("\n") || text.contains("\r")) {
            throw ProblemException.invalidField(field, "must be an iCalendar RRULE value of at most 400 characters, "
                    + "e.g. FREQ=MONTHLY;BYDAY=-1FR");
        }
        Instant until = null;
        Matcher matcher = UNTIL.matcher(text);
        if (matcher.find()) {
            until = untilInstant(field, matcher.group(2), startTime, zone);
            text = (text.substring(0, matcher.start()) + text.substring(matcher.end())).replaceAll("^;|;$", "");
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ProblemException.invalidField(field, "is not an iCalendar RRULE value (" + e.getMessage() + ")");
        }
        if (recur.getFrequency() == null) {
            throw ProblemException.invalidField(field, "must name FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)");
        }
        Frequency frequency = recur.getFrequency();
        if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY || frequency == Frequency.HOURLY
                || !recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty()
                || !recur.getSecondList().isEmpty()) {
            throw ProblemException.invalidField(field, "must give at most one meeting a day: FREQ DAILY, WEEKLY, "
                    + "MONTHLY or YEARLY without BYHOUR, BYMINUTE or BYSECOND (the series gives the start time)");
        }
        if (recur.getCount() > 0 && until != null) {
            throw ProblemException.invalidField(field, "must not have both COUNT and UNTIL");
        }
        String normalised = until == null ? text : text + ";UNTIL=" + UTC.format(until);
        Recurrence recurrence = new Recurrence(normalised.toUpperCase(Locale.ROOT), recur, until);
        List<LocalDate> first = recurrence.dates(firstDate, startTime, zone, firstDate, firstDate, 1);
        if (first.isEmpty()) {
            List<LocalDate> next = recurrence.dates(firstDate, startTime, zone, firstDate, firstDate.plusYears(5), 1);
            throw ProblemException.invalidField("firstDate", "must be a date the recurrence gives"
                    + (next.isEmpty() ? "" : ", e.g. " + next.get(0)));
        }
        return recurrence;
    }

    /** The rule as kept and written in the calendar feed (UNTIL in UTC). */
    public String rule() {
        return rule;
    }

    /**
     * The dates the rule gives from the series' first date, those within {@code from}..{@code to} (inclusive), at
     * most {@code max}.
     */
    public List<LocalDate> dates(LocalDate firstDate, LocalTime startTime, ZoneId zone, LocalDate from, LocalDate to,
            int max) {
        LocalDateTime seed = firstDate.atTime(startTime);
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDateTime start : withoutUntil.getDates(seed, seed, end)) {
            if (until != null && start.atZone(zone).toInstant().isAfter(until)) {
                break;
            }
            if (!start.toLocalDate().isBefore(from) && !start.toLocalDate().isAfter(to)) {
                dates.add(start.toLocalDate());
                if (dates.size() >= max) {
                    break;
                }
            }
        }
        return dates;
    }

    private static Instant untilInstant(String field, String value, LocalTime startTime, ZoneId zone) {
        try {
            if (value.length() == 8) {
                // A date: the last meeting may be on that day, at the series' start time.
                return LocalDate.parse(value, DATE).atTime(startTime).atZone(zone).toInstant();
            }
            return Instant.from(UTC.parse(value.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "UNTIL must be a date (YYYYMMDD) or a UTC time "
                    + "(YYYYMMDDTHHMMSSZ)");
        }
    }
}
