package app.convene.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the PostgreSQL server of the local stack until the process is told to stop (SIGTERM / Ctrl-C).
 *
 * <p>The server binaries come from Maven jars; the data directory is kept between runs. The databases the services
 * expect are created when missing. PostgreSQL itself runs detached from this JVM (pg_ctl), so a shutdown hook stops
 * it, and a server left behind by a launcher that was killed with SIGKILL is stopped before a new one starts.
 *
 * <p>The launcher watches its server: when the server process dies (SIGKILL, out-of-memory killer, a crash), it waits
 * for the dead server's remaining processes to go, removes a {@code postmaster.pid} that names no server of this data
 * directory, and starts the server again with the same port, data directory and settings ({@code pg_ctl restart},
 * which reuses {@code postmaster.opts}); PostgreSQL replays its write-ahead log, so everything committed is kept. If the
 * server cannot be started again after {@value #RESTART_ATTEMPTS} attempts, the launcher exits with status 1 so that
 * whatever watches it (up.sh, status.sh) sees it stopped instead of "starting" forever.
 *
 * <p>Settings (system property / environment variable): {@code convene.pg.port / CONVENE_PG_PORT} (25432),
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
    /** How often the launcher looks whether its server is still there. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    /** Consecutive failed restarts after which the launcher gives up and exits. */
    private static final int RESTART_ATTEMPTS = 5;
    /** How long a restart may take (crash recovery included) before it counts as failed. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(90);
    /** How long zonky waits for the first start before the launcher takes over with {@link #startAgain}. */
    private static final Duration FIRST_START_WAIT = Duration.ofSeconds(45);
    /** How long the processes of a dead server get to exit by themselves before they are killed. */
    private static final Duration ORPHAN_PATIENCE = Duration.ofSeconds(10);

    private static final Object SERVER_LOCK = new Object();
    private static volatile boolean stopping;
    private static volatile long serverPid;

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = Settings.number("convene.pg.port", "CONVENE_PG_PORT", 25432);
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
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(FIRST_START_WAIT)
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns these off for test speed; a local stack should keep what it committed
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // server output goes straight to this launcher's log file, also if the launcher dies
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        EmbeddedPostgres embedded;
        try {
            embedded = builder.start();
            serverPid = postmasterPid(dataDirectory).orElse(0);
        } catch (IOException e) {
            // zonky waits for a connection whatever pg_ctl answered; the server may have failed at once (e.g. its
            // port was taken for a moment by a client's own connection to it), or still be recovering
            LOG.warn("PostgreSQL did not serve within {} s on the first start ({}); trying again",
                    FIRST_START_WAIT.toSeconds(), e.getMessage());
            embedded = null;
            if (!startAgain(dataDirectory, port, 0)) {
                exitGivingUp();
            }
        }
        EmbeddedPostgres postgres = embedded;

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            synchronized (SERVER_LOCK) { // waits for a restart in progress
                LOG.info("Stopping PostgreSQL");
                try {
                    if (postgres != null) {
                        postgres.close();
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("Could not stop PostgreSQL through pg_ctl", e);
                }
                // zonky's own hook may be the one running "pg_ctl stop": give it time, then insist
                long pid = serverPid;
                if (pid > 0) {
                    ProcessHandle.of(pid).ifPresent(process -> {
                        if (!awaitExit(process, Duration.ofSeconds(15))) {
                            ensureStopped(pid, Duration.ofSeconds(15));
                        }
                    });
                }
                LOG.info("PostgreSQL stopped");
                stopped.countDown();
            }
        }, "postgres-stopper"));

        createDatabases(port, databases);
        LOG.info("PostgreSQL {} ready on localhost:{} in {} ms (data: {}, databases: {}, server pid {})",
                serverVersion(port), port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDirectory, String.join(", ", databases), serverPid);
        // a fixed marker in the log for anyone (or any script) watching it
        System.out.println("CONVENE-POSTGRES-READY port=" + port);
        System.out.flush();
        // unpacking the binaries needed a large heap; give it back, this JVM only waits from now on
        System.gc();

        if (!watch(dataDirectory, port)) {
            exitGivingUp();
        }
        stopped.await();
    }

    private static void exitGivingUp() {
        LOG.error("PostgreSQL could not be started after {} attempts; the launcher exits so that it can be "
                + "started afresh (deploy/local/up.sh)", RESTART_ATTEMPTS);
        System.out.flush();
        System.exit(1);
    }

    /**
     * Watches the server until the launcher is told to stop (returns true); restarts it whenever it has died. Returns
     * false when the server could not be started again {@value #RESTART_ATTEMPTS} times in a row.
     */
    private static boolean watch(Path dataDirectory, int port) throws InterruptedException {
        while (!stopping) {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            long pid = serverPid;
            if (stopping || (pid > 0 && Processes.isRunning(pid))) {
                continue;
            }
            LOG.warn("PostgreSQL server pid {} has exited; starting it again on localhost:{} (data: {})",
                    pid, port, dataDirectory);
            long started = System.nanoTime();
            if (!startAgain(dataDirectory, port, pid)) {
                return stopping;
            }
            LOG.info("PostgreSQL started again in {} ms (server pid {})",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), serverPid);
            System.out.println("CONVENE-POSTGRES-RESTARTED port=" + port);
            System.out.flush();
        }
        return true;
    }

    /**
     * Brings the server of the data directory back: waits for one that is still starting (crash recovery), or starts
     * it ({@link #restart}); up to {@value #RESTART_ATTEMPTS} attempts, 1, 2, 4, 8 s apart. Sets {@link #serverPid}.
     */
    private static boolean startAgain(Path dataDirectory, int port, long deadPid) throws InterruptedException {
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
            synchronized (SERVER_LOCK) {
                if (stopping) {
                    return false;
                }
                try {
                    OptionalLong live = postmasterPid(dataDirectory);
                    if (live.isPresent() && live.getAsLong() != deadPid && isServerOf(live.getAsLong(), dataDirectory)) {
                        serverPid = live.getAsLong(); // started, perhaps still recovering: wait for it
                        if (awaitServing(port, live.getAsLong())) {
                            return true;
                        }
                        throw new IOException("server pid " + live.getAsLong() + " does not accept connections");
                    }
                    serverPid = restart(dataDirectory, deadPid);
                    return true;
                } catch (IOException | RuntimeException e) {
                    LOG.error("Starting PostgreSQL failed (attempt {} of {}): {}", attempt, RESTART_ATTEMPTS,
                            e.getMessage());
                }
            }
            if (attempt < RESTART_ATTEMPTS) {
                Thread.sleep((1L << (attempt - 1)) * 1000);
            }
        }
        return false;
    }

    private static boolean awaitServing(int port, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (System.nanoTime() < deadline && Processes.isRunning(pid)) {
            try (Connection connection = dataSource(port, "postgres").getConnection()) {
                return true;
            } catch (SQLException e) {
                Thread.sleep(200);
            }
        }
        return false;
    }

    private static DataSource dataSource(int port, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(USER);
        dataSource.setLoginTimeout(2);
        return dataSource;
    }

    /**
     * Starts the server of a data directory whose server has died, with the options it last ran with
     * ({@code postmaster.opts}); returns the new server pid.
     */
    private static long restart(Path dataDirectory, long deadPid) throws IOException {
        Path bin = serverBin(dataDirectory)
                .orElseThrow(() -> new IOException("no server binary in " + dataDirectory.resolve("postmaster.opts")));
        awaitOrphans(dataDirectory, bin);
        removeStalePidFile(dataDirectory);
        removeStaleSocketLock(dataDirectory);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as root, the server runs in a user namespace of its own, as zonky starts it (PostgreSQL refuses root)
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(bin.resolve("pg_ctl").toString(), "restart", "-D", dataDirectory.toString(),
                "-m", "fast", "-w", "-t", Long.toString(RESTART_WAIT.toSeconds())));
        Process pgCtl = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            if (!pgCtl.waitFor(RESTART_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                pgCtl.destroyForcibly();
                throw new IOException("pg_ctl restart did not finish within " + RESTART_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
        if (pgCtl.exitValue() != 0) {
            throw new IOException("pg_ctl restart exited with status " + pgCtl.exitValue());
        }
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty() || pid.getAsLong() == deadPid || !Processes.isRunning(pid.getAsLong())) {
            throw new IOException("no running server after pg_ctl restart");
        }
        return pid.getAsLong();
    }

    /** The directory of the server binary the data directory last ran with, from {@code postmaster.opts}. */
    private static Optional<Path> serverBin(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.opts"));
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            // the server binary, then its arguments, each quoted: /…/bin/postgres "-D" "…" (as pg_ctl reads it)
            String first = lines.get(0).trim();
            int arguments = first.indexOf(" \"");
            Path bin = Path.of(arguments < 0 ? first : first.substring(0, arguments)).getParent();
            return Optional.ofNullable(bin).map(path -> {
                try {
                    return path.toRealPath();
                } catch (IOException e) {
                    return path;
                }
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The processes of a killed server (its backends, checkpointer, ...) notice that their postmaster is gone and exit
     * by themselves, usually within milliseconds; while they still hold the shared memory a new server refuses to
     * start. Waits for them, then kills what is left. Only on Linux (elsewhere the restart is simply retried).
     */
    private static void awaitOrphans(Path dataDirectory, Path bin) {
        long deadline = System.nanoTime() + ORPHAN_PATIENCE.toNanos();
        List<Long> left = serverProcesses(dataDirectory, bin);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = serverProcesses(dataDirectory, bin);
        }
        for (long pid : left) {
            LOG.warn("Process {} of the dead PostgreSQL server did not exit; killing it", pid);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Running processes of the given server binaries whose working directory is the data directory (Linux). */
    private static List<Long> serverProcesses(Path dataDirectory, Path bin) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> Processes.isRunning(pid) && worksIn(pid, dataDirectory) && ProcessHandle.of(pid)
                            .flatMap(process -> process.info().command())
                            .map(command -> command.startsWith(bin.toString()))
                            .orElse(false))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** True when the process's working directory is the given directory; false where that cannot be told. */
    private static boolean worksIn(long pid, Path directory) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd").toRealPath(), directory.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * True when the pid is a live PostgreSQL server: on Linux one working in the data directory, elsewhere any process
     * whose command names postgres.
     */
    private static boolean isServerOf(long pid, Path dataDirectory) {
        if (!Processes.isRunning(pid)) {
            return false;
        }
        if (Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return worksIn(pid, dataDirectory);
        }
        return ProcessHandle.of(pid).flatMap(process -> process.info().command())
                .map(command -> command.contains("postgres")).orElse(true);
    }

    /**
     * The lock of the server's Unix socket ({@code /tmp/.s.PGSQL.<port>.lock}) names the dead server too; PostgreSQL
     * refuses it while that pid is still a zombie waiting to be reaped. Removed when its pid is not running.
     */
    private static void removeStaleSocketLock(Path dataDirectory) {
        try {
            List<String> opts = Files.readAllLines(dataDirectory.resolve("postmaster.opts"));
            String options = opts.isEmpty() ? "" : opts.get(0);
            Matcher port = Pattern.compile("\"-p\" \"(\\d+)\"").matcher(options);
            if (!port.find()) {
                return;
            }
            Path lock = Path.of("/tmp", ".s.PGSQL." + port.group(1) + ".lock");
            List<String> lines = Files.isRegularFile(lock) ? Files.readAllLines(lock) : List.of();
            if (!lines.isEmpty() && !Processes.isRunning(Long.parseLong(lines.get(0).trim()))) {
                Files.deleteIfExists(lock);
                LOG.info("Removed the stale {} (pid {} is not running)", lock, lines.get(0).trim());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not check the socket lock: {}", e.getMessage());
        }
    }

    /**
     * A {@code postmaster.pid} left by a killed server names a pid that may since have been given to another process;
     * PostgreSQL would then refuse to start ("Is another postmaster running?"), and pg_ctl would signal that process.
     * Removes the file when the pid it names is not a live server of this data directory.
     */
    private static void removeStalePidFile(Path dataDirectory) throws IOException {
        OptionalLong pid = postmasterPid(dataDirectory);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (pid.isPresent() && isServerOf(pid.getAsLong(), dataDirectory)) {
            return;
        }
        if (Files.deleteIfExists(pidFile)) {
            LOG.info("Removed the stale {} (pid {} is not a server of this data directory)", pidFile,
                    pid.isPresent() ? pid.getAsLong() : "?");
        }
    }

    private static void createDatabases(int port, List<String> databases) throws SQLException {
        try (Connection connection = dataSource(port, "postgres").getConnection();
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

    private static String serverVersion(int port) {
        try (Connection connection = dataSource(port, "postgres").getConnection();
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
        if (!isServerOf(pid.getAsLong(), dataDirectory)) {
            // a server that died: PostgreSQL recovers when it starts, once the dead server's processes are gone
            serverBin(dataDirectory).ifPresent(bin -> awaitOrphans(dataDirectory, bin));
            removeStalePidFile(dataDirectory);
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
        Path bin = ProcessHandle.of(pid.getAsLong()).flatMap(process -> process.info().command())
                .map(command -> Path.of(command).getParent()).orElse(null);
        ensureStopped(pid.getAsLong(), Duration.ofSeconds(30));
        if (bin != null) {
            awaitOrphans(dataDirectory, bin);
        }
        removeStalePidFile(dataDirectory);
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
