package app.convene.backbone.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Times as native SQL queries return them. */
public final class SqlTimes {
    private SqlTimes() {
    }

    /**
     * A {@code timestamptz} column of a native query's row as an instant: Hibernate gives an {@link Instant}, an
     * {@link OffsetDateTime} or a {@link Timestamp} depending on how the query was built. Null stays null.
     */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
