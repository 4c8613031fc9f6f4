package app.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.delivery.service.DeliverySender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst of registrations leaves a backlog of confirmations larger than the senders: one pass of the clockwork sends
 * all of it, each sender claiming the next as it finishes, instead of one delivery per sender and pass. The clockwork
 * runs here once an hour, so only the pass the story starts can have sent them.
 */
@QuarkusTest
@TestProfile(MailBacklogTest.HourlyPasses.class)
class MailBacklogTest {
    private static final int ATTENDEES = 24;

    public static class HourlyPasses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("delivery.poll-every", "1h", "delivery.senders", "2");
        }
    }

    @Inject
    DeliverySender sender;

    @Test
    void onePassSendsAWholeBurstOfConfirmationsWithTwoSenders() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Product launch", start, start.plus(Duration.ofHours(3)), "Europe/Amsterdam", 100,
                Stories.ownedByOlivia());
        Stories.known(eventId); // the first story after this profile's fresh start
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < ATTENDEES; i++) {
            String address = "launch-" + i + "-" + eventId + "@example.com";
            attendees.add(address);
            Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                    eventId, UUID.randomUUID(), address, TestClock.now(), "en"));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> Stories.attendeeMail(eventId).body("deliveries", hasSize(ATTENDEES)));

        sender.sendDue();

        // Every one is tried in this pass (without going on, two would be). A send that fails on the way (a mail
        // server that timed out for a moment) waits for a later pass with its reason, as any failed attempt does, and
        // ends its sender's batch: the batch's mails not yet tried wait for that pass too, untouched.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stories.attendeeMail(eventId)
                .body("deliveries.findAll { it.status == 'IN_FLIGHT' }", hasSize(0)));
        List<Map<String, Object>> sent = Stories.attendeeMail(eventId).extract().path("deliveries");
        List<Object> delivered = sent.stream().filter(d -> "DELIVERED".equals(d.get("status")))
                .map(d -> d.get("address")).toList();
        List<Map<String, Object>> failed = sent.stream().filter(d -> d.get("lastError") != null).toList();
        assertThat(failed).as("failed sends: at most one per sender, each ending its batch").hasSizeLessThanOrEqualTo(2);
        if (failed.isEmpty()) {
            assertThat(delivered).as("one pass sent the whole backlog").hasSize(ATTENDEES);
        }
        for (Map<String, Object> delivery : sent) {
            String address = (String) delivery.get("address");
            if (delivered.contains(address)) {
                assertThat(Stories.subjectsTo(address)).containsExactly("Registration confirmed: Product launch");
                // the delivery's own Message-ID, the same on every attempt, so a repeat after a crash is dropped
                assertThat(SmtpServer.messagesTo(address).get(0).getMessageID())
                        .isEqualTo("<" + delivery.get("id") + "@convene.app>");
            } else if (delivery.get("lastError") != null) {
                assertThat(delivery.get("status")).isEqualTo("PENDING");
                assertThat((List<?>) delivery.get("log")).isNotEmpty();
            } else {
                // left untried by a sender whose batch a failure ended: due again with no attempt used
                assertThat(delivery.get("status")).isEqualTo("PENDING");
                assertThat(delivery.get("attempts")).isEqualTo(0);
                assertThat(SmtpServer.messagesTo(address)).isEmpty();
            }
        }
        assertThat(attendees).containsExactlyInAnyOrderElementsOf(sent.stream()
                .map(d -> (String) d.get("address")).toList());
    }

    @Inject
    EntityManager entityManager;

    /**
     * A sender dies (kill -9, a lost node) after the mail server accepted one of its claimed e-mails and before it
     * recorded its batch: once the lease is over, the claim taken again records that e-mail as delivered, when the
     * server accepted it, without sending it a second time, and sends the one it had not got to.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aMailTheServerAcceptedBeforeItsSenderDiedIsRecordedAndNotSentAgain() {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Sales kickoff", start, start.plus(Duration.ofHours(2)), "Europe/Amsterdam", 100,
                Stories.ownedByOlivia());
        Stories.known(eventId);
        String accepted = "accepted-" + eventId + "@example.com";
        String notSent = "not-sent-" + eventId + "@example.com";
        for (String address : List.of(accepted, notSent)) {
            Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                    eventId, UUID.randomUUID(), address, TestClock.now(), "en"));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> Stories.attendeeMail(eventId).body("deliveries", hasSize(2)));

        // As the dead sender left them: both claimed, their lease over, one noted as accepted by the mail server.
        Instant acceptedAt = Instant.now().minusSeconds(150).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager.createNativeQuery("""
                update delivery set status = 'IN_FLIGHT', claimed_by = gen_random_uuid(), lease_until = :over,
                                    accepted_at = case when address = :accepted then cast(:at as timestamptz) end
                where event_id = :e and purpose = 'ATTENDEE'""").setParameter("over", Instant.now().minusSeconds(1))
                .setParameter("accepted", accepted).setParameter("at", acceptedAt).setParameter("e", eventId)
                .executeUpdate()).isEqualTo(2));

        sender.sendDue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stories.attendeeMail(eventId)
                .body("deliveries.status", everyItem(equalTo("DELIVERED"))));
        List<Map<String, Object>> deliveries = Stories.attendeeMail(eventId).extract().path("deliveries");
        Map<String, Object> recorded = deliveries.stream().filter(d -> accepted.equals(d.get("address"))).findFirst()
                .orElseThrow();
        assertThat(recorded.get("attempts")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) recorded.get("log")).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("succeeded")).isEqualTo(true);
            assertThat(attempt.get("detail")).isEqualTo("accepted by SMTP server");
            assertThat(Instant.parse((String) attempt.get("attemptedAt"))).isEqualTo(acceptedAt);
        });
        assertThat(SmtpServer.messagesTo(accepted)).as("mail sent again to %s", accepted).isEmpty();
        assertThat(Stories.subjectsTo(notSent)).containsExactly("Registration confirmed: Sales kickoff");
        // ... and the sender noted the server's acceptance of that one as soon as it had it.
        Object noted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select accepted_at from delivery where event_id = :e and address = :a")
                .setParameter("e", eventId).setParameter("a", notSent).getSingleResult());
        assertThat(noted).isNotNull();
    }
}
