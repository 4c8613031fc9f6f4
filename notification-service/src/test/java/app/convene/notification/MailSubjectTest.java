package app.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A title carrying line breaks cannot add headers (a Bcc) to the mail its briefing is sent in. */
@QuarkusTest
class MailSubjectTest {

    @Test
    void lineBreaksInATitleDoNotReachTheMailHeader() {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(70)).truncatedTo(ChronoUnit.MINUTES);
        String eavesdropper = "eve-" + eventId + "@evil.example";
        // CR, LF and other control characters in a title are refused where it is written and where it is read (the
        // strict JSON of the API and of the event contracts); Unicode's own line and paragraph separators are not,
        // and some mail programs break a header at them.
        Stories.schedule(eventId, "Board\u2028Bcc: " + eavesdropper + "\u2029X-Note: meeting", start,
                start.plus(Duration.ofHours(2)), "Europe/Amsterdam", 10, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        String reader = "rita-" + eventId + "@example.com";
        Stories.addRecipient(eventId, Map.of("audience", "LEADS", "name", "Rita", "channel", "EMAIL",
                "address", reader)).statusCode(201);

        WebhookSafetyTest.sendBriefing(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !SmtpServer.messagesTo(reader).isEmpty());
        String subject = PreEventBriefingStoryTest.subject(SmtpServer.messagesTo(reader).get(0));
        assertThat(subject).doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\r")
                .doesNotContain("\n")
                .endsWith(": Board Bcc: " + eavesdropper + " X-Note: meeting");
        assertThat(SmtpServer.messagesTo(eavesdropper)).isEmpty();
    }
}
