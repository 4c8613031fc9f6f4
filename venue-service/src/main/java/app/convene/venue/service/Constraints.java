package app.convene.venue.service;

import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads which database constraint refused a write, so a rule enforced by PostgreSQL answers as a 4xx. */
final class Constraints {
    static final String UNIQUE_VIOLATION = "23505";
    static final String EXCLUSION_VIOLATION = "23P01";

    private Constraints() {
    }

    /** The name of the violated constraint (or index), if the failure is a constraint violation. */
    static Optional<String> violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getSQLState() != null && psql.getSQLState().startsWith("23")) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return Optional.ofNullable(message == null ? null : message.getConstraint());
            }
        }
        return Optional.empty();
    }
}
