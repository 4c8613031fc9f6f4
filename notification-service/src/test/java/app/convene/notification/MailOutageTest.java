package app.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.delivery.service.DeliverySender;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The mail server is down while a burst's confirmations wait: a pass tries one delivery per sender and stops there,
 * so the backlog keeps its attempts for when the server is back instead of using them all up during the outage. The
 * clockwork runs here once an hour, so only the pass the story starts can have tried any.
 */
@QuarkusTest
@TestProfile(MailOutageTest.MailServerDown.class)
class MailOutageTest {
    private static final int ATTENDEES = 10;

    public static class MailServerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("delivery.poll-every", "1h", "delivery.senders", "2", "quarkus.mailer.port",
                    String.valueOf(closedPort()));
        }
    }

    @Inject
    DeliverySender sender;

    @Test
    void aPassDuringAnOutageTriesOneConfirmationPerSenderAndLeavesTheRestUntried() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(25)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Town hall", start, start.plus(Duration.ofHours(1)), "Europe/Stockholm", 100,
                Stories.ownedByOlivia());
        Stories.known(eventId); // the first story after this profile's fresh start
        for (int i = 0; i < ATTENDEES; i++) {
            Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                    eventId, UUID.randomUUID(), "hall-" + i + "-" + eventId + "@example.com", TestClock.now(), "en"));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> Stories.attendeeMail(eventId).body("deliveries", hasSize(ATTENDEES)));

        sender.sendDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> tried(eventId).size() == 2);
        Thread.sleep(1500); // a sender that went on would have tried more by now
        List<Map<String, Object>> tried = tried(eventId);
        assertThat(tried).hasSize(2);
        assertThat(tried).extracting(d -> d.get("status")).containsOnly("PENDING");
        assertThat(tried).extracting(d -> ((List<?>) d.get("log")).size()).containsOnly(1);
        assertThat(tried).extracting(d -> d.get("lastError")).containsOnly("mail server unreachable");
        assertThat(Stories.attendeeMail(eventId).extract().<List<String>>path("deliveries.status"))
                .containsOnly("PENDING");
    }

    /** The event's deliveries with at least one attempt. */
    private static List<Map<String, Object>> tried(UUID eventId) {
        List<Map<String, Object>> all = Stories.attendeeMail(eventId).extract().path("deliveries");
        return all.stream().filter(d -> !((List<?>) d.get("log")).isEmpty()).toList();
    }

    /** A port nothing listens on: connecting to it is refused at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
