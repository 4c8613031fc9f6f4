package app.convene.registration.api;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.problem.Rfc3339;
import app.convene.registration.domain.EventCursor;
import app.convene.registration.meeting.domain.ActionItemPosition;
import app.convene.registration.meeting.domain.SeriesPosition;

/**
 * The page cursors the API gives out as `next` and takes back as `after`: base64url text, opaque to clients. A
 * cursor the API did not give out is a 400 naming `after`.
 */
public final class Cursors {
    private Cursors() {
    }

    /** A position in a list ordered by a row's sequence number. */
    static String encode(Long position) {
        return position == null ? null : encode(Long.toString(position));
    }

    static Long decodePosition(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The last event of a page of events: its start and id ("start|id"). */
    static String encode(EventCursor cursor) {
        return cursor == null ? null : encode(cursor.startsAt() + "|" + cursor.id());
    }

    static EventCursor decodeEvent(String cursor) {
        return decodePair(cursor, (start, id) -> new EventCursor(Rfc3339.instant(start), UUID.fromString(id)));
    }

    /** The last action item of a page of action items: its due date and id ("due date|id"). */
    public static String encode(ActionItemPosition position) {
        return position == null ? null : encode(position.dueDate() + "|" + position.id());
    }

    public static ActionItemPosition decodeActionItem(String cursor) {
        return decodePair(cursor, (due, id) -> new ActionItemPosition(Rfc3339.date(due), UUID.fromString(id)));
    }

    /** The last series of a page of meeting series: its first date and id ("first date|id"). */
    public static String encode(SeriesPosition position) {
        return position == null ? null : encode(position.firstDate() + "|" + position.id());
    }

    public static SeriesPosition decodeSeries(String cursor) {
        return decodePair(cursor, (first, id) -> new SeriesPosition(Rfc3339.date(first), UUID.fromString(id)));
    }

    /** A cursor of two parts ("first|second"), read by {@code read}; null when there is none. */
    private static <T> T decodePair(String cursor, BiFunction<String, String, T> read) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = decode(cursor).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException(cursor);
            }
            return read.apply(parts[0], parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw notACursor();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    }

    private static ProblemException notACursor() {
        return ProblemException.invalidField("after", "is not a cursor this API gave out");
    }
}
