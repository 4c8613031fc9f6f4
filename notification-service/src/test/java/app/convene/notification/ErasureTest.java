package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A person erased by registration-service: their recipient entries, the mail sent to them, their feedback's author
 * and the copy of their registration no longer name them; once, however often the erasure is delivered.
 */
@QuarkusTest
class ErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ConsumerRecord<String, String>> completions(UUID erasureId) {
        return KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(2)).stream()
                .filter(r -> erasureId.toString().equals(r.key()))
                .filter(r -> NotificationEvents.ERASURE_COMPLETED.name()
                        .equals(new String(r.headers().lastHeader("ce_type").value())))
                .toList();
    }

    private static io.restassured.response.ValidatableResponse export(String email) {
        return given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", email).then().statusCode(200);
    }

    @Test
    void theErasedRecipientAndAttendeeIsAnonymisedOnceAndAnnouncedDone() throws Exception {
        String erin = "erin-" + UUID.randomUUID() + "@example.com";
        UUID eventId = UUID.randomUUID();
        UUID registrationId = UUID.randomUUID();
        Instant start = TestClock.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Erased review", start, start.plus(Duration.ofHours(6)), "Europe/Amsterdam", 100,
                Stories.ownedByOlivia());
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                registrationId, erin, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> export(erin).body("registrations", hasSize(1)));
        Stories.addRecipient(eventId, Map.of("audience", "LEADS", "name", "Erin Eriksson", "channel", "EMAIL",
                "address", erin, "language", "en")).statusCode(201);
        String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "POST_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                .body("status", equalTo(List.of("DELIVERED"))));
        given().header("Authorization", Tokens.bearer("attendee", erin)).contentType(ContentType.JSON)
                .body(Map.of("rating", 4, "comment", "Good coffee")).post("/api/events/{e}/feedback", eventId).then()
                .statusCode(201);
        // the briefing, and the confirmation of her registration
        export(erin).body("recipients", hasSize(1)).body("deliveries", hasSize(2)).body("feedback", hasSize(1))
                .body("registrations[0].registrationId", equalTo(registrationId.toString()));
        given().header("Authorization", Stories.ORGANIZER).get("/api/privacy/people/{e}", erin).then()
                .statusCode(200);

        UUID erasureId = UUID.randomUUID();
        UUID eventOfErasure = UUID.randomUUID();
        var erased = new PrivacyEvents.PersonErased(erasureId, "acme", sha256(erin), List.of(registrationId),
                Instant.now());
        KafkaBroker.send(EventRecords.withId(eventOfErasure, PrivacyEvents.PERSON_ERASED, erasureId, erased));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions(erasureId).size() == 1);
        JsonNode done = JSON.readTree(completions(erasureId).get(0).value());
        // recipient, delivery, feedback author, registration copy
        assertThat(done.get("rowsAnonymised").asInt()).isGreaterThanOrEqualTo(4);

        export(erin).body("recipients", empty()).body("deliveries", empty()).body("acknowledgements", empty())
                .body("feedback", empty()).body("registrations", empty()).body("briefingsRequested", empty());
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then().statusCode(200)
                .body("[0].address", org.hamcrest.Matchers.endsWith("@erased.invalid"));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/feedback", eventId).then()
                .statusCode(200).body("feedback.rating", equalTo(List.of(4)))
                .body("feedback.comment", equalTo(List.of("Good coffee")));
        String body = given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/feedback", eventId)
                .then().extract().asString();
        assertThat(body).doesNotContain(erin);

        // Redelivered (same id, same key, so the same partition as a later erasure): no second effect.
        KafkaBroker.send(EventRecords.withId(eventOfErasure, PrivacyEvents.PERSON_ERASED, erasureId, erased));
        UUID later = UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(PrivacyEvents.PERSON_ERASED, erasureId,
                new PrivacyEvents.PersonErased(later, "acme", sha256(erin), List.of(registrationId), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions(later).size() == 1);
        assertThat(JSON.readTree(completions(later).get(0).value()).get("rowsAnonymised").asInt()).isZero();
        assertThat(completions(erasureId)).hasSize(1);
    }
}
