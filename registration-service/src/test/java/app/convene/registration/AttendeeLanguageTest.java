package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An event has a language (en by default) and an attendee may choose their own; both travel on the announcements, so
 * attendee mail is written in it. Anything but en, sv, nl or ro is refused, naming the field.
 */
@QuarkusTest
class AttendeeLanguageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAttendeesLanguageElseTheEventsTravelsOnTheAnnouncements() throws Exception {
        Api.postEvent(Api.eventBody("Fika", 1, Duration.ofDays(30), Map.of("language", "de"))).statusCode(400)
                .body("errors.field", hasItem("language"));
        String id = Api.postEvent(Api.eventBody("Fika", 1, Duration.ofDays(30), Map.of("language", "sv")))
                .statusCode(201).body("language", equalTo("sv")).extract().path("id");
        UUID eventId = UUID.fromString(id);
        Api.postEvent(Api.eventBody("Plain", 1, Duration.ofDays(30), Map.of())).statusCode(201)
                .body("language", equalTo("en"));

        registerWith(eventId, "noor@example.com", "xx").statusCode(400)
                .body("errors.field", hasItem("attendee.language"));
        registerWith(eventId, "noor@example.com", "nl").statusCode(201).body("status", equalTo("CONFIRMED"));
        Api.register(eventId, "sara@example.com", "Sara").statusCode(201).body("status", equalTo("WAITLISTED"));

        List<ConsumerRecord<String, String>> records = Api.announced(eventId);
        assertThat(payloadOf(records, "registration.event-scheduled.v1").get("language").asText()).isEqualTo("sv");
        assertThat(payloadOf(records, "registration.confirmed.v2").get("language").asText()).isEqualTo("nl");
        assertThat(payloadOf(records, "registration.waitlisted.v2").get("language").asText()).isEqualTo("sv");
    }

    private static io.restassured.response.ValidatableResponse registerWith(UUID eventId, String email,
            String language) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "Noor", "language", language)))
                .post("/api/events/{eventId}/registrations", eventId).then();
    }

    private static JsonNode payloadOf(List<ConsumerRecord<String, String>> records, String type) throws Exception {
        ConsumerRecord<String, String> record = records.stream().filter(r -> type.equals(Api.type(r))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + records.size() + " records"));
        return JSON.readTree(record.value());
    }
}
