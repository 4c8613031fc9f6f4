package app.convene.registration;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The calls a front-end makes, as test steps. */
final class Api {
    private Api() {
    }

    static UUID scheduleEvent(String title, int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        String id = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(8)).toString(), "timeZone", "Europe/Stockholm",
                        "capacity", capacity))
                .post("/api/events").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static ValidatableResponse postEvent(Map<String, Object> body) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/events").then();
    }

    /** An event body starting {@code startsIn} from now and lasting eight hours, plus any extra fields. */
    static Map<String, Object> eventBody(String title, int capacity, Duration startsIn, Map<String, Object> extra) {
        Instant start = Instant.now().plus(startsIn);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(8)).toString(), "timeZone", "Europe/Stockholm",
                "capacity", capacity));
        body.putAll(extra);
        return body;
    }

    static ValidatableResponse asOrganizer(String method, String path, Object... params) {
        return given().header("Authorization", Tokens.organizer()).request(method, path, params).then();
    }

    static ValidatableResponse organizerRegisters(UUID eventId, String email, String name) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{eventId}/registrations", eventId).then();
    }

    static ValidatableResponse register(UUID eventId, String email, String name) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{eventId}/registrations", eventId).then();
    }

    static ValidatableResponse cancel(UUID eventId, String registrationId, String asEmail) {
        return given().header("Authorization", Tokens.bearer("attendee", asEmail))
                .post("/api/events/{eventId}/registrations/{id}/cancel", eventId, registrationId).then();
    }

    /** The records announced for one event (record key = event id), in the order the topic holds them. */
    static List<ConsumerRecord<String, String>> announced(UUID eventId) {
        return KafkaBroker.records(Topics.REGISTRATION, Duration.ofSeconds(5)).stream()
                .filter(r -> eventId.toString().equals(r.key())).toList();
    }

    /**
     * The records of {@code type} announced for one event, once at least {@code atLeast} are on the topic: the relay
     * publishes shortly after each commit, later on a loaded machine.
     */
    static List<ConsumerRecord<String, String>> announced(UUID eventId, String type, int atLeast) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> announced(eventId)
                .stream().filter(r -> type(r).equals(type)).toList(), found -> found.size() >= atLeast);
    }

    static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }
}
