package app.convene.backbone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL (from Maven jars, no install, no Docker) for one test JVM, with a fresh database. */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    // Kept across stopServer()/restart(), so the restarted server has the same port and the same data.
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
                dataDirectory = Files.createTempDirectory("convene-pg");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .start();
                port = postgres.getPort();
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

    /** Stops the server (a fast shutdown: open connections are cut); clients see it unreachable until restart(). */
    public static synchronized void stopServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again on the same port with the same data directory (no data is lost). */
    public static synchronized void restart() {
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
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
        dataDirectory = null;
    }
}
