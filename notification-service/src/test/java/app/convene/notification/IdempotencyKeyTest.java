package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.IdempotentPosts;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An organizer's retried reminder mails nobody twice; a recipient's retried acknowledgement answers the first one.
 * The personal links in the mail take no key: clicking one twice, or twice at once, has no second effect.
 */
@QuarkusTest
class IdempotencyKeyTest {
    private static final String REUSED = "https://convene.app/problems/idempotency-key-reused";

    private static ExtractableResponse<Response> post(String bearer, String key, String path, Object... values) {
        return given().header("Authorization", bearer).header("Idempotency-Key", key).post(path, values).then()
                .extract();
    }

    private static void assertReplayed(ExtractableResponse<Response> first, ExtractableResponse<Response> retry) {
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    }

    /** A briefing sent to one reader by e-mail; returns the briefing id once the mail arrived. */
    private static String briefingMailedTo(UUID eventId, String reader) {
        Stories.addRecipient(eventId, Map.of("audience", "LEADS", "name", "Reader", "channel", "EMAIL",
                "address", reader)).statusCode(201);
        String briefingId = WebhookSafetyTest.sendBriefing(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> SmtpServer.messagesTo(reader).size() == 1);
        return briefingId;
    }

    private static List<ConsumerRecord<String, String>> acknowledged(UUID eventId) {
        return KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(2)).stream()
                .filter(r -> eventId.toString().equals(r.key()))
                .filter(r -> NotificationEvents.BRIEFING_ACKNOWLEDGED.name()
                        .equals(new String(r.headers().lastHeader("ce_type").value())))
                .toList();
    }

    @Test
    void aRetriedReminderMailsNobodyTwiceAndTheKeyServesOnlyThatRequest() throws Exception {
        UUID eventId = WebhookSafetyTest.scheduledEvent("Retried reminder");
        String reader = "rita-" + eventId + "@example.com";
        String briefingId = briefingMailedTo(eventId, reader);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> reminded = post(Tokens.organizer(), key,
                "/api/events/{e}/briefings/{b}/reminders", eventId, briefingId);
        ExtractableResponse<Response> remindedAgain = post(Tokens.organizer(), key,
                "/api/events/{e}/briefings/{b}/reminders", eventId, briefingId);

        assertThat(reminded.statusCode()).isEqualTo(200);
        assertThat(reminded.<Integer>path("reminded")).isEqualTo(1);
        assertReplayed(reminded, remindedAgain);
        await().atMost(Duration.ofSeconds(30)).until(() -> SmtpServer.messagesTo(reader).size() == 2);
        Thread.sleep(2000);
        assertThat(SmtpServer.messagesTo(reader)).hasSize(2);

        // The same key on another operation is another request: refused, and nothing acknowledged.
        ExtractableResponse<Response> reused = post(Tokens.organizer(), key,
                "/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.<String>path("type")).isEqualTo(REUSED);
    }

    @Test
    void aRetriedAcknowledgementAnswersTheFirstAndIsAnnouncedOnce() {
        UUID eventId = WebhookSafetyTest.scheduledEvent("Retried acknowledgement");
        String reader = "ruben-" + eventId + "@example.com";
        String briefingId = briefingMailedTo(eventId, reader);
        String key = UUID.randomUUID().toString();
        String bearer = Tokens.bearer("organizer", reader);

        ExtractableResponse<Response> first = post(bearer, key, "/api/events/{e}/briefings/{b}/acknowledgements",
                eventId, briefingId);
        ExtractableResponse<Response> retry = post(bearer, key, "/api/events/{e}/briefings/{b}/acknowledgements",
                eventId, briefingId);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.<Boolean>path("first")).isTrue();
        // Replayed: the retry is told what the first request was told, not "already acknowledged".
        assertReplayed(first, retry);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(acknowledged(eventId)).hasSize(1));
    }

    @Test
    void thePersonalLinkClickedTwiceOrTwiceAtOnceAcknowledgesOnce() throws Exception {
        UUID eventId = WebhookSafetyTest.scheduledEvent("Double click");
        String reader = "dana-" + eventId + "@example.com";
        briefingMailedTo(eventId, reader);
        Matcher link = Pattern.compile("/api/acknowledgements/([A-Za-z0-9_-]+)")
                .matcher(Stories.text(SmtpServer.messagesTo(reader).get(0)));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        int clicks = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return given().post("/api/acknowledgements/{t}", token).then().extract();
            }));
        }
        go.countDown();
        List<ExtractableResponse<Response>> responses = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();
        ExtractableResponse<Response> later = given().post("/api/acknowledgements/{t}", token).then().extract();
        responses.add(later);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> r.<Boolean>path("first")).hasSize(1);
        assertThat(responses.stream().map(r -> r.<String>path("acknowledgedAt")).distinct()).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(acknowledged(eventId)).hasSize(1));
        Thread.sleep(2000);
        assertThat(acknowledged(eventId)).hasSize(1);
    }

    /**
     * A new POST that forgets the header fails here: every POST of the API declares it and its 422, but for the
     * personal links from mail, which are idempotent by nature and say so (x-idempotent).
     */
    @Test
    void everyPostOfTheDocumentDeclaresTheIdempotencyKeyOrIsIdempotentByNature() {
        IdempotentPosts survey = IdempotentPosts.survey();
        assertThat(survey.posts()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(survey.withoutKey()).as("POSTs without the Idempotency-Key header or its 422").isEmpty();
        assertThat(survey.idempotentByNature()).containsExactlyInAnyOrder("/api/acknowledgements/{token}",
                "/api/attendee-mail/unsubscribe/{token}");
    }
}
