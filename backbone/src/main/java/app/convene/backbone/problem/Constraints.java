package app.convene.backbone.problem;

import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads which database constraint refused a write, so a rule enforced by PostgreSQL answers as a 4xx. */
public final class Constraints {
    private Constraints() {
    }

    /** The name of the violated constraint (or index), if the failure is a constraint violation. */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getSQLState() != null && psql.getSQLState().startsWith("23")) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return Optional.ofNullable(message == null ? null : message.getConstraint());
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is the named constraint (or unique index) refusing the write. */
    public static boolean violated(Throwable failure, String constraint) {
        return violated(failure).filter(constraint::equals).isPresent();
    }
}
