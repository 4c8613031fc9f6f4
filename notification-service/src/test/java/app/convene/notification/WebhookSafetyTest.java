package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A webhook goes only where it may (no internal address, checked when added and again when sent, connected to the
 * address checked), within one deadline, without following redirects or reading the answer's body, with as many
 * senders as configured so a stalled receiver holds up only itself, and its failures are logged in generic words.
 */
@QuarkusTest
class WebhookSafetyTest {
    private static final String PROBLEM = "application/problem+json";

    static UUID scheduledEvent(String title) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(4)), "Europe/Amsterdam", 40,
                Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        return eventId;
    }

    static ValidatableResponse addWebhook(UUID eventId, String name, String url) {
        return addRecipient(eventId, Map.of("audience", "LEADS", "name", name, "channel", "WEBHOOK", "address", url));
    }

    /** An on-demand post-event briefing, sent at once to the LEADS and ORGANIZERS lists; its id. */
    static String sendBriefing(UUID eventId) {
        return given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "POST_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");
    }

    static ValidatableResponse deliveries(UUID eventId, String briefingId) {
        return given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then().statusCode(200);
    }

    @Test
    void aWebhookToAnInternalAddressIsRefusedWhenItIsAdded() {
        UUID eventId = scheduledEvent("Address rules");
        TestResolver.point("metadata.convene.test", "169.254.169.254");
        TestResolver.point("mixed.convene.test", "93.184.216.34", "10.1.2.3");
        List<String> internal = List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook",
                "http://172.16.9.9/hook", "http://192.168.1.1/hook", "http://127.0.0.2:8080/hook",
                "http://[::1]/hook", "http://[fe80::1]/hook", "http://[fc00::1]/hook", "http://[fd12:3456::1]/hook",
                "http://0.0.0.0/hook", "http://224.0.0.1/hook", "http://[ff02::1]/hook", "http://100.64.0.1/hook",
                "http://100.127.255.254/hook", "http://[::ffff:169.254.169.254]/hook", "http://[64:ff9b::a9fe:a9fe]/",
                "http://metadata.convene.test/hook", "http://mixed.convene.test/hook");
        for (String url : internal) {
            addWebhook(eventId, "Inside", url).statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("address"))
                    .body("errors[0].message", containsString("internal address"));
        }
        addWebhook(eventId, "Nowhere", "http://nowhere.convene.test/hook").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("address")).body("errors[0].message", containsString("resolves"));
        addWebhook(eventId, "Sneaky", "http://user:pw@93.184.216.34/hook").statusCode(400)
                .body("errors[0].field", equalTo("address"));
        // The test profile's allow-list holds 127.0.0.1 (the tests' receivers) and nothing else.
        addWebhook(eventId, "Local receiver", "http://127.0.0.1:9/hook").statusCode(201);
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients", eventId).then()
                .body("address", equalTo(List.of("http://127.0.0.1:9/hook")));
    }

    @Test
    void aHostThatTurnsInternalAfterItWasAddedIsRefusedWhenSendingAndTheCheckedAddressIsTheOneConnectedTo() {
        UUID eventId = scheduledEvent("Rebinding");
        try (RawReceiver onLoopback2 = new RawReceiver("127.0.0.2", RawReceiver.Behaviour.NO_CONTENT);
                RawReceiver pinned = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.NO_CONTENT)) {
            // Public when added...
            TestResolver.point("rebind.convene.test", "93.184.216.34");
            TestResolver.point("meta.convene.test", "93.184.216.35");
            addWebhook(eventId, "Rebinder", onLoopback2.url("rebind.convene.test")).statusCode(201);
            addWebhook(eventId, "Metadata", "http://meta.convene.test/latest/meta-data/").statusCode(201);
            // ...a name the system resolver does not know, which only the checked address reaches.
            TestResolver.point("receiver.convene.test", "127.0.0.1");
            addWebhook(eventId, "Pinned", pinned.url("receiver.convene.test")).statusCode(201);
            // ...and internal by the time the briefing is sent.
            TestResolver.point("rebind.convene.test", "93.184.216.34", "127.0.0.2");
            TestResolver.point("meta.convene.test", "169.254.169.254");

            String briefingId = sendBriefing(eventId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveries(eventId, briefingId)
                    .body("findAll { it.channel == 'WEBHOOK' }", hasSize(3))
                    .body("find { it.address.contains('rebind') }.status", equalTo("FAILED"))
                    .body("find { it.address.contains('rebind') }.log.detail",
                            everyItem(equalTo("address not allowed")))
                    .body("find { it.address.contains('meta.') }.status", equalTo("FAILED"))
                    .body("find { it.address.contains('meta.') }.lastError", equalTo("address not allowed"))
                    .body("find { it.address.contains('receiver') }.status", equalTo("DELIVERED")));
            assertThat(onLoopback2.requests()).isEmpty();
            assertThat(pinned.requests()).singleElement().satisfies(request -> {
                assertThat(request.headers()).containsEntry("host", "receiver.convene.test:" + pinned.port());
                assertThat(request.headers().get(":request-line")).isEqualTo("POST /hook HTTP/1.1");
            });
        }
    }

    @Test
    void aReceiverThatStallsHoldsUpOnlyItselfAndFailsAtTheDeadline() {
        UUID eventId = scheduledEvent("Stalls");
        try (RawReceiver silent = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.SILENT);
                RawReceiver slowAnswer = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.TRICKLE_STATUS);
                RawReceiver slowBody = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.TRICKLE_BODY);
                RawReceiver healthy = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.NO_CONTENT)) {
            // Added first, so their deliveries come first.
            addWebhook(eventId, "Silent", silent.url("127.0.0.1")).statusCode(201);
            addWebhook(eventId, "Slow answer", slowAnswer.url("127.0.0.1")).statusCode(201);
            addWebhook(eventId, "Slow body", slowBody.url("127.0.0.1")).statusCode(201);
            addWebhook(eventId, "Healthy", healthy.url("127.0.0.1")).statusCode(201);

            Instant sent = Instant.now();
            String briefingId = sendBriefing(eventId);
            // The test profile's deadline is 3 s: the healthy receiver is served well before the stalled ones give up.
            await().atMost(Duration.ofSeconds(10)).until(() -> !healthy.requests().isEmpty());
            assertThat(Duration.between(sent, healthy.requests().get(0).arrivedAt()))
                    .isLessThan(Duration.ofMillis(2500));

            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> deliveries(eventId, briefingId)
                    .body("find { it.address == '" + silent.url("127.0.0.1") + "' }.status", equalTo("FAILED"))
                    .body("find { it.address == '" + silent.url("127.0.0.1") + "' }.log.detail",
                            equalTo(List.of("timed out", "timed out", "timed out")))
                    .body("find { it.address == '" + slowAnswer.url("127.0.0.1") + "' }.status", equalTo("FAILED"))
                    .body("find { it.address == '" + slowAnswer.url("127.0.0.1") + "' }.log.detail",
                            equalTo(List.of("timed out", "timed out", "timed out")))
                    // Its body is never read: the status line is the answer.
                    .body("find { it.address == '" + slowBody.url("127.0.0.1") + "' }.status",
                            equalTo("DELIVERED"))
                    .body("find { it.address == '" + slowBody.url("127.0.0.1") + "' }.log.detail",
                            equalTo(List.of("HTTP 200")))
                    .body("find { it.address == '" + healthy.url("127.0.0.1") + "' }.log.detail",
                            equalTo(List.of("HTTP 204"))));
            // Each stalled attempt was cut at the deadline: the next came after it and the backoff, not later.
            List<RawReceiver.Request> attempts = slowAnswer.requests();
            assertThat(attempts).hasSize(3);
            for (int i = 1; i < attempts.size(); i++) {
                assertThat(Duration.between(attempts.get(i - 1).arrivedAt(), attempts.get(i).arrivedAt()))
                        .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
            }
            assertThat(slowBody.requests()).hasSize(1);
        }
    }

    @Test
    void failuresAreLoggedInGenericWordsAndRedirectsAreNotFollowed() throws Exception {
        UUID eventId = scheduledEvent("Generic words");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (WebhookReceiver failing = new WebhookReceiver(Integer.MAX_VALUE);
                RawReceiver target = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.NO_CONTENT);
                RawReceiver redirecting = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.REDIRECT)) {
            redirecting.redirectTo(target.url("127.0.0.1"));
            addWebhook(eventId, "Closed", "http://127.0.0.1:" + closedPort + "/hook").statusCode(201);
            failing.trust(addWebhook(eventId, "Failing", failing.url()).statusCode(201).extract()
                    .path("webhookSecret"));
            addWebhook(eventId, "Redirecting", redirecting.url("127.0.0.1")).statusCode(201);

            String briefingId = sendBriefing(eventId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveries(eventId, briefingId)
                    .body("findAll { it.channel == 'WEBHOOK' }.status", everyItem(equalTo("FAILED")))
                    .body("find { it.address.endsWith(':" + closedPort + "/hook') }.log.detail",
                            equalTo(List.of("connection refused", "connection refused", "connection refused")))
                    .body("find { it.address == '" + failing.url() + "' }.lastError", equalTo("HTTP 500"))
                    .body("find { it.address == '" + redirecting.url("127.0.0.1") + "' }.lastError",
                            equalTo("HTTP 302"))
                    .body("lastError", everyItem(not(containsString("127.0.0.1"))))
                    .body("lastError", everyItem(not(containsString("Exception")))));
            assertThat(redirecting.requests()).hasSize(3);
            assertThat(target.requests()).isEmpty();
        }
    }

    static ValidatableResponse recipients(UUID eventId) {
        return given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients", eventId).then()
                .statusCode(200);
    }

    @Test
    void afterConsecutiveFailuresAReceiverIsLeftAloneUntilATrialSucceeds() throws Exception {
        UUID eventId = scheduledEvent("Circuit");
        // The test profile opens a circuit after 4 failures in a row, for 10 minutes of the service's clock.
        try (WebhookReceiver flaky = new WebhookReceiver(4)) {
            flaky.trust(addWebhook(eventId, "Flaky", flaky.url()).statusCode(201).body("circuit", equalTo("CLOSED"))
                    .extract().path("webhookSecret"));
            String first = sendBriefing(eventId);
            String second = sendBriefing(eventId);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> recipients(eventId)
                    .body("[0].circuit", equalTo("OPEN")).body("[0].consecutiveFailures", equalTo(4)));
            Instant openUntil = Instant.parse(recipients(eventId).extract().path("[0].openUntil"));
            assertThat(openUntil).isBetween(TestClock.now().plus(Duration.ofMinutes(9)),
                    TestClock.now().plus(Duration.ofMinutes(10)));
            // Ten polls and several backoffs later, nothing more went out: the rest waits, it is not lost.
            Thread.sleep(2000);
            assertThat(flaky.received()).hasSize(4);
            List<String> statuses = new java.util.ArrayList<>(deliveries(eventId, first).extract().path("status"));
            statuses.addAll(deliveries(eventId, second).extract().path("status"));
            assertThat(statuses).contains("PENDING").doesNotContain("DELIVERED", "IN_FLIGHT");

            // The cool-down passes: one trial goes, succeeds and closes the circuit; what waited follows.
            TestClock.advance(Duration.ofMinutes(10).plusSeconds(1));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                recipients(eventId).body("[0].circuit", equalTo("CLOSED"))
                        .body("[0].consecutiveFailures", equalTo(0));
                List<String> after = new java.util.ArrayList<>(deliveries(eventId, first).extract().path("status"));
                after.addAll(deliveries(eventId, second).extract().path("status"));
                assertThat(after).doesNotContain("PENDING", "IN_FLIGHT").contains("DELIVERED");
                assertThat(flaky.received()).hasSize(4 + (int) after.stream().filter("DELIVERED"::equals).count());
            });
            assertThat(flaky.received()).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void aDeliveryWhoseSenderVanishedIsSentAgainAfterItsLeaseAndALiveClaimIsLeftAlone() {
        UUID eventId = scheduledEvent("Leases");
        try (RawReceiver receiver = new RawReceiver("127.0.0.1", RawReceiver.Behaviour.NO_CONTENT)) {
            String recipientId = addWebhook(eventId, "Receiver", receiver.url("127.0.0.1")).statusCode(201)
                    .extract().path("id");
            String briefingId = briefings(eventId).extract().path("briefings[0].id");
            // Two claims as senders left them: one whose lease ran out (its sender died), one still held.
            UUID vanished = UUID.randomUUID();
            UUID held = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                for (UUID id : List.of(vanished, held)) {
                    entityManager.createNativeQuery("""
                            insert into delivery (id, event_id, briefing_id, purpose, recipient_id, channel, address,
                                                  subject, body_text, webhook_payload, status, attempts,
                                                  next_attempt_at, created_at, lease_until, claimed_by)
                            values (:id, :e, :b, 'BRIEFING', :r, 'WEBHOOK', :a, 'Leases', 'Leases',
                                    '{"type":"briefing.sent"}', 'IN_FLIGHT', 0, :now, :now, :lease, :claim)""")
                            .setParameter("id", id).setParameter("e", eventId)
                            .setParameter("b", UUID.fromString(briefingId))
                            .setParameter("r", UUID.fromString(recipientId))
                            .setParameter("a", receiver.url("127.0.0.1")).setParameter("now", TestClock.now())
                            .setParameter("lease", id == vanished ? Instant.now().minusSeconds(1)
                                    : Instant.now().plus(Duration.ofHours(1)))
                            .setParameter("claim", UUID.randomUUID()).executeUpdate();
                }
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveries(eventId, briefingId)
                    .body("find { it.id == '" + vanished + "' }.status", equalTo("DELIVERED"))
                    .body("find { it.id == '" + vanished + "' }.log.detail", equalTo(List.of("HTTP 204"))));
            assertThat(receiver.requests()).singleElement()
                    .satisfies(r -> assertThat(r.headers()).containsEntry("webhook-id", vanished.toString()));
            deliveries(eventId, briefingId).body("find { it.id == '" + held + "' }.status", equalTo("IN_FLIGHT"))
                    .body("find { it.id == '" + held + "' }.log", hasSize(0));
        }
    }
}
