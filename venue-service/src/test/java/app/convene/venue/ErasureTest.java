package app.convene.venue;

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

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A person erased by registration-service disappears from the organisation's partner contacts, once. */
@QuarkusTest
class ErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");
    private static final String GLOBEX_FACILITY = Tokens.bearer("facility", "fay@globex.example", "globex");
    private static final String GLOBEX_OFFICER = Tokens.bearer("privacy-officer", "pim@globex.example", "globex");

    private static String venue(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("name", "Venue " + UUID.randomUUID(), "address", Map.of("street", "Dam 1",
                        "city", "Amsterdam", "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }

    private static void contact(String token, String venueId, String email) {
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("name", "Carla Caterer", "role", "catering", "email", email, "phone", "+31 20 555 0101"))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ConsumerRecord<String, String>> completions(UUID erasureId) {
        return KafkaBroker.records(Topics.VENUE, Duration.ofSeconds(2)).stream()
                .filter(r -> erasureId.toString().equals(r.key()))
                .filter(r -> VenueEvents.ERASURE_COMPLETED.name()
                        .equals(new String(r.headers().lastHeader("ce_type").value())))
                .toList();
    }

    @Test
    void theErasedPartnerContactIsAnonymisedOnceAndAnnouncedDone() throws Exception {
        String carla = "carla-" + UUID.randomUUID() + "@catering.example";
        String acmeVenue = venue(Tokens.bearer("facility", "frank@example.com"));
        contact(Tokens.bearer("facility", "frank@example.com"), acmeVenue, carla);
        String globexVenue = venue(GLOBEX_FACILITY);
        contact(GLOBEX_FACILITY, globexVenue, carla);
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", carla.toUpperCase()).then()
                .statusCode(200).body("partnerContacts", hasSize(1))
                .body("partnerContacts[0].phone", equalTo("+31 20 555 0101"));
        given().header("Authorization", Tokens.bearer("facility", "frank@example.com"))
                .get("/api/privacy/people/{e}", carla).then().statusCode(403);

        UUID erasureId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var erased = new PrivacyEvents.PersonErased(erasureId, "acme", sha256(carla), List.of(), Instant.now());
        KafkaBroker.send(EventRecords.withId(eventId, PrivacyEvents.PERSON_ERASED, erasureId, erased));

        await().atMost(Duration.ofSeconds(30)).until(() -> completions(erasureId).size() == 1);
        JsonNode done = JSON.readTree(completions(erasureId).get(0).value());
        assertThat(done.get("rowsAnonymised").asInt()).isEqualTo(1);
        assertThat(done.get("organisation").asText()).isEqualTo("acme");
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", carla).then().statusCode(200)
                .body("partnerContacts", empty());
        given().header("Authorization", Tokens.bearer("facility", "frank@example.com"))
                .get("/api/venues/{v}", acmeVenue).then().statusCode(200)
                .body("partnerContacts[0].name", equalTo("Erased person"))
                .body("partnerContacts[0].email", org.hamcrest.Matchers.endsWith("@erased.invalid"))
                .body("partnerContacts[0].phone", org.hamcrest.Matchers.nullValue());
        // Another organisation's contact with the same address is its own business.
        given().header("Authorization", GLOBEX_OFFICER).get("/api/privacy/people/{e}", carla).then()
                .statusCode(200).body("partnerContacts[0].name", equalTo("Carla Caterer"));

        // Redelivered: no second effect, no second announcement.
        KafkaBroker.send(EventRecords.withId(eventId, PrivacyEvents.PERSON_ERASED, erasureId, erased));
        UUID later = UUID.randomUUID(); // same key, so the same partition: handled after the redelivery
        KafkaBroker.send(EventRecords.of(PrivacyEvents.PERSON_ERASED, erasureId,
                new PrivacyEvents.PersonErased(later, "acme", sha256("nobody@example.com"), List.of(),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions(later).size() == 1);
        assertThat(JSON.readTree(completions(later).get(0).value()).get("rowsAnonymised").asInt()).isZero();
        assertThat(completions(erasureId)).hasSize(1);
    }
}
