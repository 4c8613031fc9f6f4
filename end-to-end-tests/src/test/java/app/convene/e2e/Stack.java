package app.convene.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import app.convene.backbone.testing.AnswersAsDocumented;
import app.convene.backbone.testing.FreePorts;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.PostgresDatabase;

/**
 * The packaged product on a real Kafka broker and a real PostgreSQL, started once for all test classes of a run
 * ({@code @ExtendWith(Stack.class)}) and stopped when the run ends, or by a shutdown hook if the JVM goes first.
 */
public final class Stack implements BeforeAllCallback, AutoCloseable {
    public enum Service {
        REGISTRATION("registration"), BUDGET("budget"), VENUE("venue"), NOTIFICATION("notification");

        final String database;
        volatile int port;
        /** Health, metrics and OpenAPI: the management interface of a packaged service. */
        volatile int managementPort;
        volatile Process process;
        volatile long startMillis;

        Service(String database) {
            this.database = database;
        }

        public String module() {
            return database + "-service";
        }

        public String url() {
            return "http://localhost:" + port;
        }

        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }
    }

    /** Launch to ready, per service; four JVMs starting together on two busy cores can need more than a minute. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("e2e.ready.timeout", 240));
    static final Path REPOSITORY = Path.of(System.getProperty("e2e.repository", "..")).toAbsolutePath().normalize();
    static final Path LOGS = Path.of(System.getProperty("e2e.logs", "target/e2e-logs")).toAbsolutePath();
    /** Extra JVM options for the services, e.g. {@code -De2e.jvm.options="-XX:TieredStopAtLevel=1"}. */
    static final List<String> JVM_OPTIONS = Stream.of(System.getProperty("e2e.jvm.options", "").trim().split("\\s+"))
            .filter(o -> !o.isEmpty()).toList();
    /** Scripted users write faster than people: the limits stay on, raised, counted in the database as in a cluster. */
    static final Map<String, String> RATE_LIMITS = Map.of("BACKBONE_RATE_LIMIT_CALLER_WRITES", "1000",
            "BACKBONE_RATE_LIMIT_ORGANISATION_WRITES", "5000", "BACKBONE_RATE_LIMIT_CALLER_EXPORTS", "100",
            "BACKBONE_RATE_LIMIT_ORGANISATION_EXPORTS", "500", "BACKBONE_RATE_LIMIT_STORE", "database");
    /** The development token key: no part of the services' jars, accepted only with CONVENE_LOCAL_STACK=true. */
    static final Path DEVELOPMENT_KEY = REPOSITORY.resolve("backbone/src/test/resources/dev-keys/jwt-public.pem");
    private static final Path PIDS = LOGS.resolve("services.pid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static String bootstrapServers;
    /** A real SMTP server on loopback that notification-service mails to. */
    private static volatile GreenMail smtp;
    private static final Map<Service, String> jdbcUrls = new EnumMap<>(Service.class);
    private static final AtomicBoolean started = new AtomicBoolean();
    private static final AtomicBoolean stopped = new AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Stack.class, key -> start(), Stack.class);
    }

    private static Stack start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the stack failed to start earlier in this run; see above");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop, "e2e-stack-stop"));
        try {
            return startAll();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static Stack startAll() {
        long t0 = System.nanoTime();
        var broker = CompletableFuture.supplyAsync(KafkaBroker::startCluster);
        for (Service service : Service.values()) {
            jdbcUrls.put(service, PostgresDatabase.start(service.database));
        }
        bootstrapServers = broker.join();
        smtp = new GreenMail(new ServerSetup(FreePorts.take(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        long infraMillis = (System.nanoTime() - t0) / 1_000_000;
        endLeftoversOfAKilledRun();
        int[] ports = FreePorts.take(2 * Service.values().length);
        for (Service service : Service.values()) {
            if (stopped.get()) {
                throw new IllegalStateException("stopped while starting");
            }
            service.port = ports[service.ordinal()];
            service.managementPort = ports[Service.values().length + service.ordinal()];
            service.process = launch(service.module(), service.port, environment(service, true));
            service.startMillis = System.nanoTime() / 1_000_000;
        }
        writePids();
        Map<Service, Long> readyAfter = awaitReady();
        // Every answer the tests get is checked against the document of the service that gave it.
        for (Service service : Service.values()) {
            AnswersAsDocumented.documentOf(service.port,
                    URI.create(service.managementUrl() + "/q/openapi?format=json"));
        }
        AnswersAsDocumented.checkEveryAnswer();
        StringBuilder block = new StringBuilder("\n===== E2E stack: packaged services (java -jar quarkus-run.jar) =====\n")
                .append(String.format("Kafka broker + PostgreSQL ready in %d ms; JVM %s %s; %d CPUs%n", infraMillis,
                        Runtime.version(), JVM_OPTIONS.isEmpty() ? "(default options)" : JVM_OPTIONS,
                        Runtime.getRuntime().availableProcessors()));
        for (Service service : Service.values()) {
            block.append(String.format("%-22s port %-5d mgmt %-5d pid %-7d start (launch -> ready) %6d ms   RSS %s%n",
                    service.module(), service.port, service.managementPort, service.process.pid(),
                    readyAfter.get(service),
                    rss(service.process.pid())));
        }
        System.out.println(block.append("load average at ready: ").append(loadAverage()).append('\n')
                .append("service logs: ").append(LOGS).append('\n')
                .append("=".repeat(70)));
        return new Stack();
    }

    /** The environment a deployment gives a service; {@code withKey=false} omits the token verification key. */
    static Map<String, String> environment(Service service, boolean withKey) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrls.get(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        RATE_LIMITS.forEach(env::put);
        if (service.managementPort > 0) {
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(service.managementPort));
        }
        if (withKey) {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", DEVELOPMENT_KEY.toString());
            env.put("CONVENE_LOCAL_STACK", "true");
        }
        env.putAll(notificationEnvironment(service));
        return env;
    }

    /**
     * Notification's webhook secrets key (required outside dev), its receivers on this machine over http, and the
     * SMTP server of this run (when the stack started one).
     */
    static Map<String, String> notificationEnvironment(Service service) {
        if (service != Service.NOTIFICATION) {
            return Map.of();
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "NOTIFICATION_SECRETS_KEY", "ZTJlLW9ubHktbm90aWZpY2F0aW9uLXNlY3JldC1rZXk=",
                "NOTIFICATION_WEBHOOKS_ALLOW_INSECURE", "true",
                "NOTIFICATION_WEBHOOKS_ALLOWED_PRIVATE", "127.0.0.1"));
        if (smtp != null) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        }
        // A send the test's SMTP server leaves hanging times out after the usual 30 s; it is tried again 2 s later,
        // not after the production backoff of 30 s more, so the stories' mail arrives within their patience.
        env.put("DELIVERY_INITIAL_BACKOFF", "PT2S");
        return env;
    }

    /** Every message the SMTP server received for the address (one copy per recipient), oldest first. */
    public static List<MimeMessage> mailTo(String address) {
        return mailTo(smtp, address);
    }

    /** Every message {@code server} received for the address (one copy per recipient), oldest first. */
    static List<MimeMessage> mailTo(GreenMail server, String address) {
        return server.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    /** Starts {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}, output to {@code <logs>/<name>.log}. */
    static Process launch(String module, int port, Map<String, String> environment) {
        return launch(module, module, port, environment);
    }

    static Process launch(String module, String logName, int port, Map<String, String> environment) {
        Path jar = REPOSITORY.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        try {
            Files.createDirectories(LOGS);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(LOGS.toFile())
                    .redirectErrorStream(true).redirectOutput(LOGS.resolve(logName + ".log").toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // A service launched on its own (not one of the stack's) gets a management port of its own.
            builder.environment().putIfAbsent("QUARKUS_MANAGEMENT_PORT", String.valueOf(FreePorts.take()));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops one service of the stack politely (SIGTERM): it finishes what it handles, commits its consumers' offsets
     * and leaves their groups. {@link #startAgain} brings it back on the same port.
     */
    static void stopService(Service service) {
        terminate(service.process);
    }

    /** Starts a stopped service again on its port, logging to {@code <logName>.log}; returns launch-to-ready ms. */
    static long startAgain(Service service, String logName) {
        service.process = launch(service.module(), logName, service.port, environment(service, true));
        service.startMillis = System.nanoTime() / 1_000_000;
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (status(service.managementUrl() + "/q/health/ready") != 200) {
            if (!service.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " " + (service.process.isAlive()
                        ? "is not ready after " + READY_TIMEOUT.toSeconds() + " s" : "exited") + "; end of its log:\n"
                        + tail(logName, 40));
            }
            sleep(100);
        }
        writePids();
        return System.nanoTime() / 1_000_000 - service.startMillis;
    }

    /** Polls every service's readiness together; returns launch-to-ready milliseconds per service. */
    private static Map<Service, Long> awaitReady() {
        Map<Service, Long> readyAfter = new EnumMap<>(Service.class);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (readyAfter.size() < Service.values().length) {
            for (Service service : Service.values()) {
                if (readyAfter.containsKey(service)) {
                    continue;
                }
                if (!service.process.isAlive() || System.nanoTime() > deadline) {
                    String why = service.process.isAlive() ? "is not ready after " + READY_TIMEOUT.toSeconds() + " s"
                            : "exited with " + service.process.exitValue();
                    throw new IllegalStateException(service.module() + " " + why + "; end of its log:\n"
                            + tail(service.module(), 40));
                }
                if (status(service.managementUrl() + "/q/health/ready") == 200) {
                    readyAfter.put(service, System.nanoTime() / 1_000_000 - service.startMillis);
                }
            }
            sleep(200);
        }
        for (Service service : Service.values()) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited after answering ready; end of its log:\n"
                        + tail(service.module(), 40));
            }
        }
        return readyAfter;
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every line of {@code <logs>/<logName>.log} so far (none when there is no such log yet). */
    static List<String> logLines(String logName) {
        try {
            return Files.readAllLines(LOGS.resolve(logName + ".log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }

    static String tail(String logName, int lines) {
        try {
            List<String> all = Files.readAllLines(LOGS.resolve(logName + ".log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static String rss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst()
                    .map(kb -> Long.parseLong(kb.split("\\s+")[0]) / 1024 + " MB").orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Services of a run whose JVM was killed outright (no shutdown hook) are still listed in the pid file. */
    private static void endLeftoversOfAKilledRun() {
        try (Stream<String> pids = Files.exists(PIDS) ? Files.lines(PIDS) : Stream.empty()) {
            pids.map(Long::parseLong).map(ProcessHandle::of).flatMap(Optional::stream)
                    .filter(p -> p.info().commandLine().orElse("").contains(REPOSITORY + "/"))
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                    .forEach(p -> {
                        System.out.println("E2E stack: ending a service left by an earlier run, pid " + p.pid());
                        p.destroyForcibly();
                    });
        } catch (IOException | RuntimeException e) {
            System.err.println("E2E stack: could not check " + PIDS + ": " + e);
        }
    }

    private static void writePids() {
        try {
            Files.write(PIDS, Stream.of(Service.values()).map(s -> String.valueOf(s.process.pid())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Ends a process: a polite stop, then a forced one; returns its exit value. */
    static int terminate(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        stop();
    }

    private static void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        StringBuilder block = new StringBuilder("\n===== E2E stack: RSS after the tests, then stopping =====\n");
        List<Service> running = new ArrayList<>();
        for (Service service : Service.values()) {
            if (service.process != null && service.process.isAlive()) {
                block.append(String.format("%-22s RSS %s%n", service.module(), rss(service.process.pid())));
                running.add(service);
            }
        }
        System.out.println(block);
        running.forEach(service -> service.process.destroy());
        running.forEach(service -> terminate(service.process));
        runQuietly(() -> PIDS.toFile().delete());
        runQuietly(() -> new KafkaBroker().stop());
        runQuietly(() -> new PostgresDatabase().stop());
        runQuietly(() -> {
            if (smtp != null) {
                smtp.stop();
            }
        });
    }

    private static void runQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("E2E stack: while stopping: " + e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
