package app.convene.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local PostgreSQL launcher, run as up.sh runs it (its own JVM), on a free port and a fresh data directory: a
 * server killed with SIGKILL serves again, with what was committed before; a {@code postmaster.pid} left behind does
 * not stop the next start. The bounds are generous deadlines for a busy machine, not performance figures.
 */
class LocalPostgresRecoveryTest {
    /** First start: unpacking the binaries (once per build) and initdb. */
    private static final Duration START_BOUND = Duration.ofSeconds(180);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(120);
    /** Shared by the tests so that the server binaries are unpacked once. */
    private static final Path BINARIES = Path.of("target", "postgres-binaries").toAbsolutePath();

    @TempDir
    Path work;

    private final List<Process> launchers = new ArrayList<>();
    private Path data;
    private int port;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process launcher : launchers) {
            if (launcher.isAlive()) {
                launcher.destroy(); // SIGTERM: the launcher stops its server cleanly
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            }
        }
        OptionalLong server = postmasterPid();
        if (server.isPresent()) { // a server left behind by a test that failed half-way
            ProcessHandle.of(server.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void a_server_killed_with_sigkill_is_started_again_by_its_launcher_and_keeps_what_was_committed() throws Exception {
        Process launcher = startLauncher("first.log");
        awaitServing(START_BOUND, "first.log");
        execute("create table guest (name text primary key)", "insert into guest values ('anna')");
        long killed = postmasterPid().orElseThrow();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await(RECOVERY_BOUND, "the launcher to start its server again", "first.log",
                () -> launcherAlive(launcher) && postmasterPid().stream().anyMatch(pid -> pid != killed) && serving());
        assertThat(guests()).containsExactly("anna");
        assertThat(launcher.isAlive()).as("the launcher is still running").isTrue();
        // The launcher says so once its restart returned, which may be a moment after the server accepts connections.
        await(RECOVERY_BOUND, "the launcher to report the restart", "first.log",
                () -> logContains("first.log", "CONVENE-POSTGRES-RESTARTED port=" + port));

        // and again: the launcher keeps watching after a restart
        long second = postmasterPid().orElseThrow();
        ProcessHandle.of(second).orElseThrow().destroyForcibly();
        await(RECOVERY_BOUND, "the launcher to start its server a second time", "first.log",
                () -> launcherAlive(launcher) && postmasterPid().stream().anyMatch(pid -> pid != second) && serving());
        execute("insert into guest values ('bram')");
        assertThat(guests()).containsExactly("anna", "bram");
    }

    @Test
    void a_new_launcher_starts_the_server_although_postmaster_pid_names_a_process_that_is_no_server() throws Exception {
        Process launcher = startLauncher("first.log");
        awaitServing(START_BOUND, "first.log");
        execute("create table guest (name text primary key)", "insert into guest values ('anna')");
        long server = postmasterPid().orElseThrow();

        // launcher and server both killed: nothing is left to clean up after them
        launcher.destroyForcibly();
        launcher.waitFor(30, TimeUnit.SECONDS);
        ProcessHandle.of(server).orElseThrow().destroyForcibly();
        await(RECOVERY_BOUND, "the server to be gone", "first.log", () -> !Processes.isRunning(server));
        // the pid in postmaster.pid now belongs to another process (here: this test's JVM), as after a pid reuse
        Path pidFile = data.resolve("postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(pidFile, lines);

        startLauncher("second.log");
        awaitServing(RECOVERY_BOUND, "second.log");
        assertThat(guests()).containsExactly("anna");
    }

    private Process startLauncher(String log) throws IOException {
        if (data == null) {
            data = work.resolve("postgres");
            port = freePort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process launcher = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dconvene.pg.port=" + port, "-Dconvene.pg.data=" + data, "-Dconvene.pg.binaries=" + BINARIES,
                "-Dconvene.pg.databases=registration",
                "-cp", classpath, LocalPostgres.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile())
                .start();
        launchers.add(launcher);
        return launcher;
    }

    /** Fails at once when the launcher has exited: nothing would start the server any more. */
    private static boolean launcherAlive(Process launcher) {
        if (!launcher.isAlive()) {
            throw new AssertionError("the launcher exited with status " + launcher.exitValue());
        }
        return true;
    }

    private void awaitServing(Duration bound, String log) throws Exception {
        await(bound, "PostgreSQL to serve on port " + port, log, this::serving);
    }

    private boolean logContains(String log, String text) {
        try {
            return Files.readString(work.resolve(log)).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void await(Duration bound, String what, String log, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    fail("Waited " + bound.toSeconds() + " s for " + what);
                }
                Thread.sleep(200);
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the launcher's log:\n" + Files.readString(work.resolve(log)), e);
        }
    }

    private boolean serving() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> guests() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from guest order by name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(2);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/registration", "postgres", "postgres");
    }

    private OptionalLong postmasterPid() {
        try {
            Path pidFile = data == null ? null : data.resolve("postmaster.pid");
            if (pidFile == null || !Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
