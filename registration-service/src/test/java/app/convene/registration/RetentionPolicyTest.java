package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.security.Roles;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import app.convene.registration.privacy.service.RetentionPolicies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A privacy officer sets how long the organisation keeps the people who registered; once an event ended longer ago
 * than that, its registrations are anonymised in place, every count stays, and the other services are told by
 * privacy.event-attendees-anonymised.v1 (which names no one). Other organisations' events are untouched.
 */
@QuarkusTest
class RetentionPolicyTest {
    @Inject
    RetentionPolicies retention;

    private final String organisation = "retention-" + UUID.randomUUID();
    private final String officer = Tokens.bearer(Roles.PRIVACY_OFFICER, "dpo@example.com", organisation);
    private final String organizer = Tokens.bearer(Roles.ORGANIZER, "planner@example.com", organisation);

    @Test
    void onlyAPrivacyOfficerSetsThePolicyWithinItsBounds() {
        given().header("Authorization", officer).get("/api/privacy/retention").then().statusCode(404)
                .contentType("application/problem+json");
        put(organizer, 12).statusCode(403);
        put(officer, 0).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("anonymiseRegistrationsAfterMonths"));
        put(officer, 121).statusCode(400);
        given().header("Authorization", officer).contentType(ContentType.JSON).body("{}")
                .put("/api/privacy/retention").then().statusCode(400);

        put(officer, 12).statusCode(200).body("anonymiseRegistrationsAfterMonths", equalTo(12))
                .body("organisation", equalTo(organisation)).body("changedBy", equalTo("dpo@example.com"));
        given().header("Authorization", organizer).get("/api/privacy/retention").then().statusCode(200)
                .body("anonymiseRegistrationsAfterMonths", equalTo(12));
        // Another organisation's officer sees nothing of it.
        given().header("Authorization", Tokens.bearer(Roles.PRIVACY_OFFICER, "dpo@example.com", "elsewhere-"
                + UUID.randomUUID())).get("/api/privacy/retention").then().statusCode(404);

        given().header("Authorization", officer).delete("/api/privacy/retention").then().statusCode(204);
        given().header("Authorization", officer).get("/api/privacy/retention").then().statusCode(404);
        given().header("Authorization", officer).delete("/api/privacy/retention").then().statusCode(404);
    }

    @Test
    void anEventOlderThanThePolicyHasItsPeopleAnonymisedAndItsCountsKept() {
        put(officer, 6).statusCode(200);
        UUID event = schedule(organizer, "Supplier day", 2);
        register(organizer, event, "ada@example.com", "Ada Lovelace").statusCode(201);
        register(organizer, event, "alan@example.com", "Alan Turing").statusCode(201);
        register(organizer, event, "grace@example.com", "Grace Hopper").statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        String otherOrganisation = "no-policy-" + UUID.randomUUID();
        String otherOrganizer = Tokens.bearer(Roles.ORGANIZER, "planner@example.com", otherOrganisation);
        UUID untouched = schedule(otherOrganizer, "Their day", 5);
        register(otherOrganizer, untouched, "ada@example.com", "Ada Lovelace").statusCode(201);
        Instant endsAt = Instant.parse(event(organizer, event).extract().path("endsAt"));
        // What the registrations announced names no one: the address travels (notification needs it), the name not.
        List<ConsumerRecord<String, String>> registered = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30)).until(() -> Api.announced(event).stream()
                        .filter(r -> Api.type(r).startsWith("registration.confirmed.")
                                || Api.type(r).startsWith("registration.waitlisted.")).toList(),
                        found -> found.size() >= 3);
        assertThat(registered).hasSize(3).allSatisfy(r -> {
            assertThat(Api.type(r)).endsWith(".v2");
            assertThat(r.value()).doesNotContain("Lovelace").doesNotContain("Turing").doesNotContain("Hopper");
        });

        // Five months after the end the policy (six months) has not come due.
        assertThat(retention.sweep(endsAt.atOffset(ZoneOffset.UTC).plusMonths(5).toInstant())).isZero();
        roll(organizer, event).body("registrations.attendee.email", hasItem("ada@example.com"));

        Instant due = endsAt.atOffset(ZoneOffset.UTC).plusMonths(6).plusDays(1).toInstant();
        assertThat(retention.sweep(due)).isEqualTo(1);

        List<Map<String, Object>> rows = roll(organizer, event).extract().path("registrations.attendee");
        assertThat(rows).hasSize(3).allSatisfy(attendee -> {
            assertThat(attendee.get("name")).isEqualTo("Erased person");
            assertThat((String) attendee.get("email")).endsWith("@erased.invalid");
        });
        event(organizer, event).body("confirmed", equalTo(2)).body("waitlisted", equalTo(1));
        roll(otherOrganizer, untouched).body("registrations.attendee.email", hasItem("ada@example.com"));

        // Due once: a second sweep anonymises and announces nothing more.
        assertThat(retention.sweep(due.plus(Duration.ofDays(1)))).isZero();
        List<ConsumerRecord<String, String>> announced = KafkaBroker
                .records(PrivacyEvents.EVENT_ATTENDEES_ANONYMISED.topic(), Duration.ofSeconds(5)).stream()
                .filter(r -> event.toString().equals(r.key())).toList();
        assertThat(announced).hasSize(1);
        JsonPath payload = JsonPath.from(announced.get(0).value());
        assertThat(payload.getInt("registrations")).isEqualTo(3);
        assertThat(payload.getString("organisation")).isEqualTo(organisation);
        assertThat(announced.get(0).value()).doesNotContain("ada@example.com").doesNotContain("Lovelace");
        assertThat(new String(announced.get(0).headers().lastHeader("ce_type").value()))
                .isEqualTo(PrivacyEvents.EVENT_ATTENDEES_ANONYMISED.name());
    }

    private static io.restassured.response.ValidatableResponse put(String token, int months) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("anonymiseRegistrationsAfterMonths", months)).put("/api/privacy/retention").then();
    }

    private static UUID schedule(String token, String title, int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(8)).toString(), "timeZone", "Europe/Stockholm",
                        "capacity", capacity))
                .post("/api/events").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static io.restassured.response.ValidatableResponse register(String token, UUID event, String email,
            String name) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{eventId}/registrations", event).then();
    }

    private static io.restassured.response.ValidatableResponse event(String token, UUID event) {
        return given().header("Authorization", token).get("/api/events/{eventId}", event).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse roll(String token, UUID event) {
        return given().header("Authorization", token).get("/api/events/{eventId}/roll", event).then()
                .statusCode(200);
    }
}
