package app.convene.backbone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL (from Maven jars, no install, no Docker) for one test JVM, with a fresh database. */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private static Path dataDirectory;
    private static int port;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.datasource.jdbc.url", start("convene"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Starts the server (once per JVM) and creates the database; returns its JDBC URL. */
    public static synchronized String start(String database) {
        try {
            if (postgres == null) {
                dataDirectory = Files.createTempDirectory("convene-postgres-");
                // a port no outgoing connection can take while the server is down in an outage test
                port = FreePorts.take();
                postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setPort(port).start();
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                }
            }
            jdbcUrl = postgres.getJdbcUrl("postgres", database);
            return jdbcUrl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized int port() {
        return port;
    }

    /**
     * Stops the server (a fast shutdown: sessions are ended, and connecting is refused) as a database outage would;
     * the data directory and port are kept for {@link #restartServer()}.
     */
    public static synchronized void stopServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public static synchronized void restartServer() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
                deleteDataDirectory();
            }
        }
    }

    private static void deleteDataDirectory() {
        if (dataDirectory == null) {
            return;
        }
        try (var paths = Files.walk(dataDirectory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; left for the system to clean
        }
        dataDirectory = null;
    }
}
