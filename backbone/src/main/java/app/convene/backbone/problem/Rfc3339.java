package app.convene.backbone.problem;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Instants and dates as RFC 3339 writes them: a year of four digits, 0000 to 9999. The OpenAPI documents' {@code
 * date-time} and {@code date} formats are RFC 3339's, while {@code java.time} reads a year of up to nine digits with a
 * sign ({@code +300000-01-01T00:00:00Z}), past what PostgreSQL stores (a timestamp ends in 294276): such a value
 * would pass every rule of the API and fail only at the database. Every instant and date read from a request, a query
 * parameter, a cursor or an imported file is held to four-digit years here.
 */
public final class Rfc3339 {
    /** The rule, as a field's problem states it. */
    public static final String RULE = "must have a four-digit year (0000 to 9999)";
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Rfc3339() {
    }

    /** Whether the instant, date or date-time has a four-digit year (an instant's in UTC, others' as written). */
    public static boolean holds(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
        }
        if (value != null && value.isSupported(ChronoField.YEAR)) {
            long year = value.getLong(ChronoField.YEAR);
            return year >= 0 && year <= 9999;
        }
        return true;
    }

    /** {@link Instant#parse}, refusing a year that is not four digits as it refuses any other malformed text. */
    public static Instant instant(String text) {
        return held(Instant.parse(text), text);
    }

    /** {@link LocalDate#parse}, refusing a year that is not four digits as it refuses any other malformed text. */
    public static LocalDate date(String text) {
        return held(LocalDate.parse(text), text);
    }

    private static <T extends TemporalAccessor> T held(T value, String text) {
        if (!holds(value)) {
            throw new DateTimeParseException(RULE, text, 0, new DateTimeException(RULE));
        }
        return value;
    }
}
