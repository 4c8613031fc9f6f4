package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A personal acknowledgement link: only its hash is stored, it expires (410 after), and a mangled or made-up one is
 * a client error (a problem), never an internal one.
 */
@QuarkusTest
class AcknowledgementLinkTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Test
    void aLinkHoldingNulIsABadRequest() {
        given().urlEncodingEnabled(false).post("/api/acknowledgements/%00").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/bad-request"));
        given().urlEncodingEnabled(false).post("/api/acknowledgements/abc%00def").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aLinkThatCannotBeOneWeSentIsNotFound() {
        given().urlEncodingEnabled(false).post("/api/acknowledgements/%E2%82%AC%20%27%22").then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/not-found"));
        given().post("/api/acknowledgements/{token}", "x".repeat(65)).then().statusCode(404).contentType(PROBLEM);
        given().post("/api/acknowledgements/{token}", "NoSuchTokenWasEverSent_0123456789abcdefghij").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void junkInTheLinkIsAlwaysAClientError() {
        List<String> answers = new java.util.ArrayList<>();
        for (String junk : List.of("%00", "%0d%0aSet-Cookie:%20x=1", "%ff%fe%fd", "%C0%80", "..%2F..%2Fetc%2Fpasswd",
                "%25", "%2e%2e", "'%20or%201=1%20--", "%24%7Bjndi:ldap://x%7D", "a".repeat(3000),
                "%F0%9F%92%A9".repeat(40), "%7F", "%E2%80%A8", "tok%3Ben", "-", "_")) {
            io.restassured.response.Response answer = given().urlEncodingEnabled(false)
                    .post("/api/acknowledgements/" + junk);
            answers.add(junk.substring(0, Math.min(junk.length(), 40)) + " -> " + answer.statusCode() + " "
                    + answer.contentType());
        }
        assertThat(answers).allMatch(answer -> answer.matches("(?s).* -> 4\\d\\d application/problem\\+json.*"));
        // Longer than the HTTP server takes a request line: refused before it reaches the service.
        given().post("/api/acknowledgements/" + "a".repeat(5000)).then().statusCode(414);
    }

    @Test
    void onlyTheLinksHashIsKeptAndTheLinkExpires() throws Exception {
        UUID eventId = WebhookSafetyTest.scheduledEvent("Expiring links");
        String reader = "lena-" + eventId + "@example.com";
        Stories.addRecipient(eventId, Map.of("audience", "LEADS", "name", "Lena", "channel", "EMAIL",
                "address", reader)).statusCode(201);
        String briefingId = WebhookSafetyTest.sendBriefing(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !SmtpServer.messagesTo(reader).isEmpty());
        Matcher link = Pattern.compile("/api/acknowledgements/([A-Za-z0-9_-]+)")
                .matcher(Stories.text(SmtpServer.messagesTo(reader).get(0)));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select ack_token from delivery where briefing_id = :b")
                .setParameter("b", UUID.fromString(briefingId)).getSingleResult());
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))))
                .doesNotContain(token);

        given().post("/api/acknowledgements/{t}", token).then().statusCode(200).body("first", equalTo(true));
        // After its validity (30 days by default, 2 in the test profile) the link is gone.
        TestClock.advance(Duration.ofDays(2).plusMinutes(1));
        given().post("/api/acknowledgements/{t}", token).then().statusCode(410).contentType(PROBLEM)
                .body("type", equalTo("https://convene.app/problems/acknowledgement-link-expired"));
    }
}
