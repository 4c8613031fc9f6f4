package app.convene.backbone.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.SampleService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A service killed while one of its statements waits on a lock leaves a database session behind that PostgreSQL does
 * not notice is orphaned until the lock comes free; meanwhile it holds the locks and uncommitted rows of its
 * transaction (a hung attempt's inbox receipt, say). Every session a service opens asks PostgreSQL to check its client
 * every 5 s during a statement ({@code client_connection_check_interval}), so such a session ends within seconds. What
 * PostgreSQL then does is its own behaviour, tried from outside (README, "A record whose handling never ends").
 */
@QuarkusTest
@TestProfile(SampleService.class)
class OrphanedSessionsTest {
    @Inject
    DataSource dataSource;

    @Test
    void everySessionOfTheServiceAsksPostgresqlToCheckItsClientEveryFiveSeconds() throws Exception {
        // Several at once, so that the pool opens new ones rather than lending the same one each time.
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (java.sql.Connection connection : held) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("show client_connection_check_interval")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("5s");
                }
            }
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
        // A session opened without the service's settings does not check (PostgreSQL's default is 0, never).
        assertThat(Database.rows(dataSource, "select boot_val from pg_settings "
                + "where name = 'client_connection_check_interval'")).singleElement()
                .satisfies(row -> assertThat(row.get(0)).isEqualTo("0"));
    }
}
