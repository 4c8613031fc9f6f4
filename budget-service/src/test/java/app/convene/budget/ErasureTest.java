package app.convene.budget;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A person erased by registration-service: budget-service replaces their address as a subject, once. */
@QuarkusTest
class ErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ConsumerRecord<String, String>> completions(UUID erasureId) {
        return KafkaBroker.records(Topics.BUDGET, Duration.ofSeconds(2)).stream()
                .filter(r -> erasureId.toString().equals(r.key()))
                .filter(r -> BudgetEvents.ERASURE_COMPLETED.name()
                        .equals(new String(r.headers().lastHeader("ce_type").value())))
                .toList();
    }

    @Test
    void theErasedSubmitterIsAnonymisedOnceAndAnnouncedDone() throws Exception {
        String otto = "otto-" + UUID.randomUUID() + "@example.com";
        UUID eventId = Api.scheduledEvent(Instant.now().plus(Duration.ofDays(40)),
                new EventAccess(Tokens.ORGANISATION, otto, false, List.of(), List.of()),
                () -> Api.as("organizer", otto));
        Api.as("organizer", otto).body(Map.of("currency", "EUR", "department", "Sales", "costCentre", "CC-4100"))
                .put("/api/events/{e}/budget", eventId).then().statusCode(200);
        Api.as("organizer", otto).body(Api.line("VENUE", "FIXED", "1000.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201);
        Api.as("organizer", otto).post("/api/events/{e}/budget/submission", eventId).then().statusCode(200)
                .body("approval.submittedBy", equalTo(otto));
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", otto).then().statusCode(200)
                .body("mentions", hasSize(1)).body("mentions[0].column", equalTo("submitted_by"))
                .body("mentions[0].row", equalTo(eventId.toString()));
        given().header("Authorization", Tokens.bearer("finance", "f@example.com"))
                .get("/api/privacy/people/{e}", otto).then().statusCode(403);
        // Another organisation's erasure of the same address touches nothing here.
        UUID globexErasure = UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(PrivacyEvents.PERSON_ERASED, globexErasure,
                new PrivacyEvents.PersonErased(globexErasure, "globex", sha256(otto), List.of(), Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> completions(globexErasure).size() == 1);
        assertThat(JSON.readTree(completions(globexErasure).get(0).value()).get("rowsAnonymised").asInt()).isZero();

        UUID erasureId = UUID.randomUUID();
        UUID eventIdOfErasure = UUID.randomUUID();
        var erased = new PrivacyEvents.PersonErased(erasureId, "acme", sha256(otto), List.of(), Instant.now());
        KafkaBroker.send(EventRecords.withId(eventIdOfErasure, PrivacyEvents.PERSON_ERASED, erasureId, erased));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions(erasureId).size() == 1);
        JsonNode done = JSON.readTree(completions(erasureId).get(0).value());
        assertThat(done.get("rowsAnonymised").asInt()).isEqualTo(1);
        assertThat(done.get("erasureId").asText()).isEqualTo(erasureId.toString());
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", otto).then().statusCode(200)
                .body("mentions", empty());
        Api.finance().get("/api/events/{e}/budget", eventId).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("approval.submittedBy", equalTo("Erased person"));

        // Redelivered (same event id, same key so the same partition, before a later erasure): no second effect.
        KafkaBroker.send(EventRecords.withId(eventIdOfErasure, PrivacyEvents.PERSON_ERASED, erasureId, erased));
        UUID later = UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(PrivacyEvents.PERSON_ERASED, erasureId,
                new PrivacyEvents.PersonErased(later, "acme", sha256(otto), List.of(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions(later).size() == 1);
        assertThat(JSON.readTree(completions(later).get(0).value()).get("rowsAnonymised").asInt()).isZero();
        assertThat(completions(erasureId)).hasSize(1);
    }
}
