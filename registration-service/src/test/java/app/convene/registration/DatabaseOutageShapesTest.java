package app.convene.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import app.convene.backbone.problem.DatabaseOutage;

/**
 * The failures an unreachable database produces, as this stack wraps them, are each read as an outage (503), and
 * nothing else is. The outage story itself is {@link DatabaseOutageTest}; these are the shapes it cannot provoke
 * at will (a pool that times out, a server shutting down mid-statement, a commit that fails).
 */
class DatabaseOutageShapesTest {

    @Test
    void theShapesOfAnUnreachableDatabaseAreAnOutage() {
        SQLException refused = new PSQLException("Connection to localhost:25432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new java.net.ConnectException("Connection refused"));
        SQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        SQLException poolTimedOut = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());

        assertThat(DatabaseOutage.isCauseOf(refused)).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new org.hibernate.exception.JDBCConnectionException(
                "Unable to acquire JDBC Connection", lost))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", poolTimedOut))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03")))
                .isTrue();

        // A commit that failed: Narayana's rollback, wrapped again by QuarkusTransaction or the interceptor.
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.initCause(new PersistenceException("flush failed", lost));
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(rolledBack))).isTrue();
        // Under load, a transaction queued too long for a row lock outlives the transaction timeout: the reaper
        // rolls it back, cancelling the statement that waits, or closing the one about to run.
        assertThat(DatabaseOutage.isCauseOf(new jakarta.persistence.QueryTimeoutException(new PSQLException(
                "ERROR: canceling statement due to user request", PSQLState.QUERY_CANCELED)))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new org.hibernate.exception.GenericJDBCException(
                "JDBC exception executing SQL", new PSQLException("This statement has been closed.",
                        PSQLState.OBJECT_NOT_IN_STATE)))).isTrue();
        // Or the reaper's rollback reaches the session first: Hibernate refuses its next use (a consumer's headcount,
        // queued behind a row lock, was set aside as a dead letter on this shape before it was read as an outage).
        assertThat(DatabaseOutage.isCauseOf(new org.hibernate.HibernateException(
                "Transaction was rolled back in a different thread"))).isTrue();
        // Those three are the transaction outliving its timeout, which a consumer tries a few times only.
        assertThat(DatabaseOutage.isTimeout(new jakarta.persistence.QueryTimeoutException(new PSQLException(
                "ERROR: canceling statement due to user request", PSQLState.QUERY_CANCELED)))).isTrue();
        assertThat(DatabaseOutage.isTimeout(new RuntimeException(new PSQLException("This statement has been closed.",
                PSQLState.OBJECT_NOT_IN_STATE)))).isTrue();
        assertThat(DatabaseOutage.isTimeout(new org.hibernate.HibernateException(
                "Transaction was rolled back in a different thread"))).isTrue();
        assertThat(DatabaseOutage.isTimeout(refused)).isFalse();
        assertThat(DatabaseOutage.isTimeout(poolTimedOut)).isFalse();
        // A failure whose rollback failed too keeps the outage as a suppressed exception.
        IllegalStateException rollbackFailed = new IllegalStateException("rollback failed");
        rollbackFailed.addSuppressed(lost);
        assertThat(DatabaseOutage.isCauseOf(rollbackFailed)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new PSQLException("duplicate key",
                PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new org.hibernate.HibernateException("Unable to locate persister")))
                .isFalse();
        assertThat(DatabaseOutage.isCauseOf(null)).isFalse();
    }
}
