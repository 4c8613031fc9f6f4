package app.convene.backbone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
                postgres = EmbeddedPostgres.builder().start();
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
        return postgres.getPort();
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
            }
        }
    }
}
