package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.convene.notification.delivery.service.WebhookSecrets;
import app.convene.notification.delivery.service.WebhookSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A webhook's signing secret is shown once, in the first answer to its creation; the database holds it encrypted
 * (AES-GCM), secrets stored in clear before are encrypted at start, and every delivery is still signed with it.
 */
@QuarkusTest
class WebhookSecretsTest {
    @Inject
    EntityManager entityManager;
    @Inject
    WebhookSecrets secrets;

    private String storedSecret(String recipientId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select webhook_secret from recipient where id = :id")
                .setParameter("id", UUID.fromString(recipientId)).getSingleResult());
    }

    private static ExtractableResponse<Response> addWithKey(UUID eventId, String key, String url) {
        return given().header("Authorization", Stories.ORGANIZER).header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("audience", "LEADS", "name", "Planning board", "channel", "WEBHOOK", "address", url))
                .post("/api/events/{e}/recipients", eventId).then().statusCode(201).extract();
    }

    @Test
    void theSecretIsShownOnceStoredEncryptedAndStillSigns() {
        UUID eventId = WebhookSafetyTest.scheduledEvent("Secrets");
        try (WebhookReceiver board = new WebhookReceiver(0); WebhookReceiver older = new WebhookReceiver(0)) {
            String key = "board-" + eventId;
            ExtractableResponse<Response> created = addWithKey(eventId, key, board.url());
            String secret = created.path("webhookSecret");
            String recipientId = created.path("id");
            assertThat(secret).startsWith(WebhookSigner.PREFIX);
            board.trust(secret);

            // The client retries after a lost answer: the same recipient, and the secret is not repeated.
            ExtractableResponse<Response> replayed = addWithKey(eventId, key, board.url());
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat((String) replayed.path("id")).isEqualTo(recipientId);
            assertThat((String) replayed.path("webhookSecret")).isNull();
            assertThat(QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("select body from idempotent_request where key = :k").setParameter("k", key)
                    .getSingleResult())).doesNotContain(secret.substring(WebhookSigner.PREFIX.length()));
            WebhookSafetyTest.recipients(eventId).body("webhookSecret", everyItem(nullValue()));

            String stored = storedSecret(recipientId);
            assertThat(stored).startsWith("v1:").doesNotContain(secret)
                    .doesNotContain(secret.substring(WebhookSigner.PREFIX.length()));
            // Sealed for its own row only.
            assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), stored))
                    .isInstanceOf(IllegalStateException.class);

            // A recipient written before secrets were encrypted, its secret in clear, is encrypted at start.
            String olderSecret = WebhookSigner.newSecret();
            UUID olderId = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    insert into recipient (id, event_id, audience, name, channel, address, webhook_secret, locale,
                                           active, created_at)
                    values (:id, :e, 'LEADS', 'Older system', 'WEBHOOK', :a, :s, 'en', true, :t)""")
                    .setParameter("id", olderId).setParameter("e", eventId).setParameter("a", older.url())
                    .setParameter("s", olderSecret).setParameter("t", Instant.now()).executeUpdate());
            older.trust(olderSecret);
            assertThat(secrets.sealSecretsInClear()).isGreaterThanOrEqualTo(1);
            assertThat(storedSecret(olderId.toString())).startsWith("v1:")
                    .doesNotContain(olderSecret.substring(WebhookSigner.PREFIX.length()));

            String briefingId = WebhookSafetyTest.sendBriefing(eventId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> WebhookSafetyTest.deliveries(eventId,
                    briefingId).body("status", everyItem(equalTo("DELIVERED"))));
            assertThat(board.received()).singleElement().matches(WebhookReceiver.Received::signatureValid);
            assertThat(older.received()).singleElement().matches(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void withoutAUsableKeyTheServiceDoesNotStart() {
        assertThatThrownBy(() -> WebhookSecrets.parseKey(Optional.empty())).hasMessageContaining("required");
        assertThatThrownBy(() -> WebhookSecrets.parseKey(Optional.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> WebhookSecrets.parseKey(Optional.of("not base64!"))).hasMessageContaining("base64");
        assertThat(WebhookSecrets.parseKey(Optional.of("ZGV2LW9ubHktbm90aWZpY2F0aW9uLXNlY3JldC1rZXk=")).getEncoded())
                .hasSize(32);
    }
}
