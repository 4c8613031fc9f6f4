package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import app.convene.backbone.testing.FreePorts;
import app.convene.backbone.testing.PostgresDatabase;
import app.convene.e2e.Stack.Service;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Schedules are durable: the packaged notification-service, killed outright (SIGKILL: no shutdown, no last
 * transaction) around a due briefing and started again, neither loses the briefing nor sends it twice.
 * <p>
 * The test runs a notification-service of its own next to the stack's (its own database and consumer groups, the
 * stack's Kafka), so killing it disturbs no other test; the stack's registration-service announces the events. Both
 * events are known to it before the first kill, so nothing after a restart waits for Kafka to hand the killed
 * consumer's partitions over: the briefings are rows, and the restarted service finds them there.
 */
@ExtendWith(Stack.class)
class RestartAroundADueBriefingIT {
    /** Generous: a freshly started service joins its consumer groups first, slowly on a loaded machine. */
    private static final Duration CONVERGES = Duration.ofMinutes(2);
    /** Several passes of the dispatcher and the sender ({@code delivery.poll-every} is 1 s). */
    private static final Duration SEVERAL_PASSES = Duration.ofSeconds(4);

    private static OwnNotificationService notification;
    private static WebhookReceiver organizers;
    private static Instant startsAt;
    private static String kickOff;
    private static String offsite;

    @BeforeAll
    static void anOrganizersSystemListensToTheBriefingsOfTwoEvents() {
        organizers = new WebhookReceiver();
        notification = new OwnNotificationService();
        notification.start();
        startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        kickOff = Api.scheduleEvent("Sales kick-off", startsAt, startsAt.plus(Duration.ofHours(6)), 40);
        offsite = Api.scheduleEvent("Board offsite", startsAt, startsAt.plus(Duration.ofHours(6)), 12);
        for (String eventId : List.of(kickOff, offsite)) {
            await("the announced event reaches our notification-service").atMost(CONVERGES)
                    .untilAsserted(() -> briefings(eventId).statusCode(200).body("briefings", hasSize(3)));
            notification.asOrganizer().body(Map.of("audience", "ORGANIZERS", "name", "Planning board",
                    "channel", "WEBHOOK", "address", organizers.url())).post("/api/events/{e}/recipients", eventId)
                    .then().statusCode(201);
        }
    }

    /** Whatever an earlier test left behind, each test starts with the service up. */
    @BeforeEach
    void running() {
        notification.startIfDown();
    }

    @AfterAll
    static void stop() {
        if (notification != null) {
            notification.stop();
        }
        if (organizers != null) {
            organizers.close();
        }
    }

    @Test
    void killedBeforeABriefingIsDueAndStartedAfterItTheBriefingIsSentOnce() {
        Instant dueAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        String briefingId = briefAt(kickOff, dueAt);
        notification.kill();
        assertThat(organizers.briefingsOf(kickOff)).as("nothing was sent before the kill").isEmpty();

        Stack.sleep(Math.max(0, Duration.between(Instant.now(), dueAt).toMillis()) + 1_000);
        Instant restartedAt = Instant.now();
        notification.start();

        await("the briefing that fell due while the service was down").atMost(CONVERGES)
                .until(() -> organizers.briefingsOf(kickOff).size() == 1);
        Stack.sleep(SEVERAL_PASSES.toMillis());
        assertThat(organizers.briefingsOf(kickOff)).singleElement()
                .satisfies(hook -> assertThat(hook.body()).contains("\"briefingId\":\"" + briefingId + "\""));
        String sentAt = briefings(kickOff).body("briefings.find { it.id == '" + briefingId + "' }.status",
                equalTo("SENT")).extract().path("briefings.find { it.id == '" + briefingId + "' }.sentAt");
        assertThat(Instant.parse(sentAt)).isAfter(restartedAt);
        deliveries(kickOff, briefingId).body("status", equalTo(List.of("DELIVERED")))
                .body("attempts", equalTo(List.of(1)));
    }

    @Test
    void killedRightAfterSendingABriefingAndStartedAgainItDoesNotSendItAgain() {
        Instant dueAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String briefingId = briefAt(offsite, dueAt);
        // Killed the moment the service has recorded the receiver's answer.
        await("the briefing delivered").atMost(CONVERGES).pollInterval(Duration.ofMillis(50)).untilAsserted(
                () -> deliveries(offsite, briefingId).body("status", equalTo(List.of("DELIVERED"))));
        notification.kill();
        assertThat(organizers.briefingsOf(offsite)).hasSize(1);

        notification.start();
        Stack.sleep(SEVERAL_PASSES.toMillis());
        assertThat(organizers.briefingsOf(offsite)).as("webhooks after the restart").hasSize(1);
        briefings(offsite).body("briefings.find { it.id == '" + briefingId + "' }.status", equalTo("SENT"));
        deliveries(offsite, briefingId).body("status", equalTo(List.of("DELIVERED")))
                .body("attempts", equalTo(List.of(1)));
    }

    /** This event's one pre-event briefing falls due at {@code dueAt}; returns its id. */
    private static String briefAt(String eventId, Instant dueAt) {
        String offset = Duration.between(dueAt, startsAt).toString();
        return notification.asOrganizer().body(Map.of("preEventOffsets", List.of(offset), "postEventOffset", "P1D"))
                .put("/api/events/{e}/briefing-schedule", eventId).then().statusCode(200)
                .body("briefings.find { it.kind == 'PRE_EVENT' }.dueAt", equalTo(dueAt.toString()))
                .extract().path("briefings.find { it.kind == 'PRE_EVENT' }.id");
    }

    private static ValidatableResponse briefings(String eventId) {
        return notification.asOrganizer().get("/api/events/{e}/briefings", eventId).then();
    }

    private static ValidatableResponse deliveries(String eventId, String briefingId) {
        return notification.asOrganizer().get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId)
                .then().statusCode(200);
    }

    /**
     * The packaged notification-service, owned by this test: its own database and consumer groups on the stack's
     * Kafka, on one port across restarts. Each launch logs to {@code notification-service-restart-<n>.log}.
     */
    private static final class OwnNotificationService {
        private final int port = FreePorts.take();
        private final int managementPort = FreePorts.take();
        private final Map<String, String> environment = Stack.environment(Service.NOTIFICATION, true);
        private Process process;
        private int launches;

        OwnNotificationService() {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresDatabase.start("notification_restart"));
            for (String family : List.of("registration", "budget", "venue")) {
                environment.put("MP_MESSAGING_INCOMING_" + family.toUpperCase() + "_EVENTS_GROUP_ID",
                        "notification-restart-it." + family);
            }
            environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        }

        String url() {
            return "http://localhost:" + port;
        }

        RequestSpecification asOrganizer() {
            return Api.as(url(), "organizer", Api.ORGANIZER);
        }

        void start() {
            String log = "notification-service-restart-" + ++launches;
            long started = System.nanoTime();
            process = Stack.launch(Service.NOTIFICATION.module(), log, port, environment);
            long deadline = started + Stack.READY_TIMEOUT.toNanos();
            while (Stack.status("http://localhost:" + managementPort + "/q/health/ready") != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("notification-service (launch " + launches + ") "
                            + (process.isAlive() ? "is not ready" : "exited") + "; end of its log:\n"
                            + Stack.tail(log, 40));
                }
                Stack.sleep(100);
            }
            System.out.printf("E2E restart: notification-service launch %d ready in %d ms (pid %d)%n", launches,
                    (System.nanoTime() - started) / 1_000_000, process.pid());
        }

        void startIfDown() {
            if (!process.isAlive()) {
                start();
            }
        }

        /** SIGKILL: the JVM gets no chance to finish anything. */
        void kill() {
            process.destroyForcibly();
            try {
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed within 10 s").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            if (process != null && process.isAlive()) {
                Stack.terminate(process);
            }
        }
    }

    /** An organizers' system receiving webhooks: it answers 204 and keeps what arrived. */
    private static final class WebhookReceiver implements AutoCloseable {
        record Received(String webhookId, String body) {
        }

        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();

        WebhookReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** The briefings (not alerts) that arrived for the event, each attempt counted. */
        List<Received> briefingsOf(String eventId) {
            return received.stream().filter(r -> r.body().contains("\"type\":\"briefing.sent\""))
                    .filter(r -> r.body().contains("\"eventId\":\"" + eventId + "\"")).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
