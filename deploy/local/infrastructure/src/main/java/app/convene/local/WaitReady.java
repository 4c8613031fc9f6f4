package app.convene.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Waits, with one JVM and a bounded time, until every given component answers; stops early for a component whose
 * process has exited.
 *
 * <p>Usage: {@code WaitReady [--timeout SECONDS] [--report FILE] NAME,PID,TARGET ...} where TARGET is
 * {@code http://...} (answers 200), {@code tcp://host:port} (accepts connections), {@code kafka://host:port} (the
 * broker describes its cluster) or {@code jdbc:postgresql://...} (a connection opens, user/password postgres).
 * PID 0 means "do not watch a process". Exit status 0 when all are ready; otherwise 1, and the names of the
 * components that are not ready are written one per line to the report file.
 */
public final class WaitReady {
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();

    private record Component(String name, long pid, String target) {
    }

    private WaitReady() {
    }

    public static void main(String[] args) throws Exception {
        long timeoutSeconds = 120;
        Path report = null;
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    String[] parts = args[i].split(",", 3);
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("expected NAME,PID,TARGET: " + args[i]);
                    }
                    components.add(new Component(parts[0], Long.parseLong(parts[1]), parts[2]));
                }
            }
        }

        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Map<String, String> failed = new LinkedHashMap<>();
        List<Component> waiting = new ArrayList<>(components);
        Map<String, Admin> admins = new LinkedHashMap<>();
        try {
            while (!waiting.isEmpty()) {
                for (Component component : List.copyOf(waiting)) {
                    if (component.pid() > 0 && !Processes.isRunning(component.pid())) {
                        waiting.remove(component);
                        failed.put(component.name(), "its process has exited");
                        System.out.printf("  %-22s process %d has exited%n", component.name(), component.pid());
                    } else if (ready(component, admins)) {
                        waiting.remove(component);
                        System.out.printf("  %-22s ready after %.1f s%n", component.name(), seconds(start));
                    }
                }
                if (waiting.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    for (Component component : waiting) {
                        failed.put(component.name(), "not ready after " + timeoutSeconds + " s");
                        System.out.printf("  %-22s not ready after %d s%n", component.name(), timeoutSeconds);
                    }
                    break;
                }
                Thread.sleep(250);
            }
        } finally {
            admins.values().forEach(admin -> admin.close(Duration.ofSeconds(1)));
        }
        if (report != null) {
            Files.write(report, failed.keySet());
        }
        System.out.flush();
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static boolean ready(Component component, Map<String, Admin> admins) {
        String target = component.target();
        try {
            if (target.startsWith("http://") || target.startsWith("https://")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(ATTEMPT_TIMEOUT).GET().build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            if (target.startsWith("tcp://")) {
                URI uri = URI.create(target);
                return accepts(uri.getHost(), uri.getPort());
            }
            if (target.startsWith("kafka://")) {
                URI uri = URI.create(target);
                if (!accepts(uri.getHost(), uri.getPort())) {
                    return false;
                }
                Admin admin = admins.computeIfAbsent(target, key -> admin(uri.getHost() + ":" + uri.getPort()));
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT_TIMEOUT.toMillis()))
                        .nodes().get(ATTEMPT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).isEmpty();
            }
            if (target.startsWith("jdbc:postgresql:")) {
                DriverManager.setLoginTimeout((int) ATTEMPT_TIMEOUT.toSeconds());
                try (Connection connection = DriverManager.getConnection(target, "postgres", "postgres")) {
                    return connection.isValid((int) ATTEMPT_TIMEOUT.toSeconds());
                }
            }
            throw new IllegalArgumentException("unknown target " + target);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) ATTEMPT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Admin admin(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "convene-local-wait");
        return Admin.create(properties);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
