package app.convene.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the PostgreSQL server of the local stack until the process is told to stop (SIGTERM / Ctrl-C).
 *
 * <p>The server binaries come from Maven jars; the data directory is kept between runs. The databases the services
 * expect are created when missing. PostgreSQL itself runs detached from this JVM (pg_ctl), so a shutdown hook stops
 * it, and a server left behind by a launcher that was killed with SIGKILL is stopped before a new one starts.
 *
 * <p>Settings (system property / environment variable): {@code convene.pg.port / CONVENE_PG_PORT} (55432),
 * {@code convene.pg.data / CONVENE_PG_DATA} (data directory, {@code .data/local/postgres}),
 * {@code convene.pg.binaries / CONVENE_PG_BINARIES} (where the server binaries are unpacked,
 * {@code .data/local/postgres-binaries}), {@code convene.pg.databases / CONVENE_PG_DATABASES}
 * (comma separated, {@code registration,budget,venue,notification}).
 */
public final class LocalPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    /** zonky's lock file: held by the JVM that owns the data directory. */
    private static final String LAUNCHER_LOCK = "epg-lock";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = Settings.number("convene.pg.port", "CONVENE_PG_PORT", 55432);
        Path dataDirectory = Settings.path("convene.pg.data", "CONVENE_PG_DATA", ".data/local/postgres");
        Path binaries = Settings.path("convene.pg.binaries", "CONVENE_PG_BINARIES", ".data/local/postgres-binaries");
        List<String> databases = Arrays.stream(
                Settings.text("convene.pg.databases", "CONVENE_PG_DATABASES", "registration,budget,venue,notification")
                        .split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        for (String database : databases) {
            if (!DATABASE_NAME.matcher(database).matches()) {
                throw new IllegalArgumentException("Not a plain database name: " + database);
            }
        }

        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        removeUnfinishedUnpacking(binaries);
        stopServerLeftBehind(dataDirectory);

        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(Duration.ofSeconds(90))
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns these off for test speed; a local stack should keep what it committed
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // server output goes straight to this launcher's log file, also if the launcher dies
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        OptionalLong postmaster = postmasterPid(dataDirectory);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping PostgreSQL");
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not stop PostgreSQL through pg_ctl", e);
            }
            // zonky's own hook may be the one running "pg_ctl stop": give it time, then insist
            postmaster.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(process -> {
                if (!awaitExit(process, Duration.ofSeconds(15))) {
                    ensureStopped(pid, Duration.ofSeconds(15));
                }
            }));
            LOG.info("PostgreSQL stopped");
            stopped.countDown();
        }, "postgres-stopper"));

        createDatabases(postgres, databases);
        LOG.info("PostgreSQL {} ready on localhost:{} in {} ms (data: {}, databases: {})",
                serverVersion(postgres), port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDirectory, String.join(", ", databases));
        // a fixed marker in the log for anyone (or any script) watching it
        System.out.println("CONVENE-POSTGRES-READY port=" + port);
        System.out.flush();
        // unpacking the binaries needed a large heap; give it back, this JVM only waits from now on
        System.gc();
        stopped.await();
    }

    private static void createDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            // the server trusts local connections; the password is set for clients that send one anyway
            statement.execute("alter user " + USER + " with password '" + PASSWORD + "'");
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + database + " owner " + USER);
                LOG.info("Created database {}", database);
            }
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show server_version")) {
            return rows.next() ? rows.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    /**
     * zonky unpacks the binaries into {@code PG-<digest>} and marks the end with {@code .exists}; a directory without
     * the mark (the unpacking was interrupted) would never be completed, so it is removed and unpacked again.
     */
    private static void removeUnfinishedUnpacking(Path binaries) throws IOException {
        try (Stream<Path> children = Files.list(binaries)) {
            for (Path directory : children.filter(Files::isDirectory)
                    .filter(path -> path.getFileName().toString().startsWith("PG-"))
                    .filter(path -> !Files.exists(path.resolve(".exists"))).toList()) {
                LOG.warn("Removing unfinished unpacking of the PostgreSQL binaries: {}", directory);
                try (Stream<Path> tree = Files.walk(directory)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running: it still holds the port and the data directory.
     * Stop it (fast shutdown, so nothing committed is lost), unless a live launcher still owns the directory.
     */
    private static void stopServerLeftBehind(Path dataDirectory) throws IOException {
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(p -> Processes.isRunning(p.pid()));
        if (process.isEmpty()) {
            return; // a stale postmaster.pid: PostgreSQL deals with it by itself
        }
        String command = process.get().info().command().orElse("");
        if (!command.isEmpty() && !command.contains("postgres")) {
            LOG.warn("postmaster.pid names pid {} but that is now '{}'; leaving it alone", pid.getAsLong(), command);
            return;
        }
        try (FileOutputStream lockStream = new FileOutputStream(dataDirectory.resolve(LAUNCHER_LOCK).toFile());
             FileLock lock = lockStream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another launcher is running PostgreSQL on " + dataDirectory
                        + " (postmaster pid " + pid.getAsLong() + "); stop it first");
            }
        }
        LOG.warn("PostgreSQL pid {} was left running on {} by a launcher that is gone; stopping it",
                pid.getAsLong(), dataDirectory);
        ensureStopped(pid.getAsLong(), Duration.ofSeconds(30));
    }

    /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT), then SIGKILL, waiting between each. */
    private static void ensureStopped(long pid, Duration patience) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> Processes.isRunning(p.pid()));
        if (process.isEmpty()) {
            return;
        }
        for (String signal : List.of("INT", "QUIT")) {
            signal(pid, signal);
            if (awaitExit(process.get(), signal.equals("INT") ? patience : Duration.ofSeconds(10))) {
                LOG.info("PostgreSQL pid {} stopped (SIG{})", pid, signal);
                return;
            }
        }
        LOG.warn("PostgreSQL pid {} ignored SIGINT and SIGQUIT; killing it", pid);
        process.get().destroyForcibly();
        awaitExit(process.get(), Duration.ofSeconds(10));
    }

    private static boolean awaitExit(ProcessHandle process, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (Processes.isRunning(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Processes.isRunning(process.pid());
            }
        }
        return true;
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Could not send SIG{} to {}: {}", signal, pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OptionalLong postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
