package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A mail server that greets and then never answers again: each attempt to hand a briefing over fails after
 * {@code delivery.mail-timeout} as "timed out" and is retried, instead of holding its sender until the lease runs out;
 * after the last attempt the delivery is FAILED.
 */
@QuarkusTest
@TestProfile(SilentMailServerTest.SilentServer.class)
class SilentMailServerTest {
    private static final SilentSmtp SILENT = SilentSmtp.start();

    public static class SilentServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(SILENT.port()), "delivery.mail-timeout", "PT1S");
        }
    }

    @Test
    void aMailServerThatStopsAnsweringFailsEachAttemptInTimeAndTheDeliveryEndsFailed() {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Board offsite", start, start.plus(Duration.ofHours(2)), "Europe/Stockholm", 20,
                Stories.ownedByOlivia());
        // The first story after this profile's fresh start: give the consumers the time to join.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> briefings(eventId).statusCode(200));
        addRecipient(eventId, Map.of("audience", "LEADS", "name", "Stina", "channel", "EMAIL",
                "address", "stina-" + eventId + "@example.com")).statusCode(201);

        String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "POST_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                .body("find { it.channel == 'EMAIL' }.status", equalTo("FAILED"))
                .body("find { it.channel == 'EMAIL' }.log", hasSize(3))
                .body("find { it.channel == 'EMAIL' }.log.succeeded", everyItem(equalTo(false)))
                // "timed out", not "mail server unreachable": each attempt reached the server and waited for it.
                .body("find { it.channel == 'EMAIL' }.log.detail", everyItem(equalTo("timed out"))));
    }

    /** Accepts connections, sends the SMTP greeting, reads whatever comes and never answers it. */
    static final class SilentSmtp {
        private final ServerSocket server;

        private SilentSmtp(ServerSocket server) {
            this.server = server;
        }

        static SilentSmtp start() {
            try {
                SilentSmtp silent = new SilentSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread acceptor = new Thread(silent::accept, "silent-smtp");
                acceptor.setDaemon(true);
                acceptor.start();
                return silent;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread reader = new Thread(() -> swallow(socket), "silent-smtp-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void swallow(Socket socket) {
            try (socket; OutputStream out = socket.getOutputStream(); InputStream in = socket.getInputStream()) {
                out.write("220 mail.example.com ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // read and never answer
                }
            } catch (IOException e) {
                // the client gave up
            }
        }
    }
}
