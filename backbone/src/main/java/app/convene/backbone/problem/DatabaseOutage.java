package app.convene.backbone.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads whether a failure means the database could not be reached (or had no connection to give, or could not
 * serve the request within the transaction timeout), or rolled the transaction back against a concurrent one, so it
 * answers as a 503 with {@code Retry-After} rather than a 500. Every shape this stack produces is recognised anywhere in
 * the cause chain (and among suppressed exceptions), whatever wraps it: Hibernate's
 * {@code JDBCConnectionException}, {@code PersistenceException}, a Narayana rollback, {@code QuarkusTransaction}.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /** Whether the failure, or anything it wraps, is the database being unreachable or out of connections. */
    public static boolean isCauseOf(Throwable failure) {
        return anywhere(failure, DatabaseOutage::matches);
    }

    /**
     * Whether the database rolled the transaction back to settle a clash with a concurrent one: a deadlock (40P01)
     * or a serialization failure (40001). Nothing was kept, and the same request sent again usually succeeds.
     */
    public static boolean isConcurrentChange(Throwable failure) {
        return anywhere(failure, t -> t instanceof SQLException sql
                && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
    }

    /**
     * Whether the failure is a transaction that outlived its timeout, rolled back by the transaction reaper from its
     * own thread: the statement waiting cancelled (57014), the next one closed, or Hibernate refusing the session's
     * next use. Also an outage ({@link #isCauseOf}); a consumer tells it apart, because a record whose handling
     * always outlives the timeout must not be tried for ever.
     */
    public static boolean isTimeout(Throwable failure) {
        return anywhere(failure, DatabaseOutage::timedOut);
    }

    private static boolean timedOut(Throwable t) {
        if (t instanceof org.hibernate.HibernateException && t.getMessage() != null
                && t.getMessage().startsWith("Transaction was rolled back in a different thread")) {
            return true;
        }
        return t instanceof SQLException sql && ("57014".equals(sql.getSQLState())
                || (sql.getMessage() != null && sql.getMessage().startsWith("This statement has been closed")));
    }

    /** Whether {@code test} holds for the failure or anything in its causes, suppressed and chained exceptions. */
    private static boolean anywhere(Throwable failure, Predicate<Throwable> test) {
        return find(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean find(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (find(suppressed, test, seen)) {
                return true;
            }
        }
        if (t instanceof SQLException sql && find(sql.getNextException(), test, seen)) {
            return true;
        }
        return find(t.getCause(), test, seen);
    }

    private static boolean matches(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        // A transaction that outlived its timeout (under load, e.g. queued for a contended row lock) is rolled back
        // by the transaction reaper from its own thread: the statement running is cancelled (57014), the next one
        // finds itself closed, or Hibernate refuses the session's next use. Nothing was kept; retry later.
        if (timedOut(t)) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && unavailableState(state)) {
                return true;
            }
            // The pool's own refusal carries no SQLState: "Acquisition timeout while waiting for new connection",
            // "Sorry, acquisition timeout!".
            if (state == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            return false;
        }
        return false;
    }

    /**
     * Class 08 (connection exception: cannot connect, connection lost, connection closed), the server shutting
     * down or starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now) and 53300 (too
     * many connections). A statement cancelled (57014) is a timeout ({@link #timedOut}).
     */
    private static boolean unavailableState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }
}
