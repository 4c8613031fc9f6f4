package app.convene.registration;

import static app.convene.registration.Api.announced;
import static app.convene.registration.Api.type;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistrationStoryTest {

    @Test
    void lastSeatGoesToTheFirstComerTheSecondWaitsAndIsPromotedWhenTheFirstCancels() throws Exception {
        UUID eventId = Api.scheduleEvent("Board offsite", 1);

        String annaId = Api.register(eventId, "anna@example.com", "Anna Berg").statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue())
                .extract().path("id");
        String bramId = Api.register(eventId, "bram@example.com", "Bram de Vries").statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1))
                .extract().path("id");

        Api.cancel(eventId, annaId, "anna@example.com").statusCode(200).body("status", equalTo("CANCELLED"));

        given().header("Authorization", Tokens.bearer("attendee", "bram@example.com"))
                .get("/api/events/{e}/registrations/{r}", eventId, bramId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue());
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}", eventId).then()
                .body("confirmed", equalTo(1)).body("waitlisted", equalTo(0)).body("seatsLeft", equalTo(0));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> types = announced(eventId).stream().map(Api::type).toList();
            assertThat(types).containsSubsequence("registration.event-scheduled.v1",
                    "registration.confirmed.v2", "registration.waitlisted.v2", "registration.cancelled.v1",
                    "registration.promoted.v2");
            assertThat(types).filteredOn("registration.headcount-changed.v1"::equals).hasSize(4);
        });
        List<ConsumerRecord<String, String>> records = announced(eventId);
        ConsumerRecord<String, String> promoted = records.stream()
                .filter(r -> type(r).equals("registration.promoted.v2")).findFirst().orElseThrow();
        assertThat(promoted.value()).contains(bramId).contains("bram@example.com");
        ConsumerRecord<String, String> lastHeadcount = records.stream()
                .filter(r -> type(r).equals("registration.headcount-changed.v1")).reduce((a, b) -> b).orElseThrow();
        JsonNode counts = new ObjectMapper().readTree(lastHeadcount.value());
        assertThat(counts.get("sequence").asInt()).isEqualTo(4);
        assertThat(counts.get("confirmed").asInt()).isEqualTo(1);
        assertThat(counts.get("waitlisted").asInt()).isEqualTo(0);
        assertThat(new String(promoted.headers().lastHeader("ce_source").value())).isEqualTo("/registration-service");
        assertThat(new String(promoted.headers().lastHeader("ce_specversion").value())).isEqualTo("1.0");
        assertThat(new String(promoted.headers().lastHeader("ce_subject").value())).isEqualTo(eventId.toString());
    }

    @Test
    void theTimesAnAnswerGivesAreTheTimesEveryLaterReadGives() {
        UUID eventId = Api.scheduleEvent("Quarterly review", 5);
        String dana = Tokens.bearer("attendee", "dana@example.com");

        var registered = Api.register(eventId, "dana@example.com", "Dana Eriksson").statusCode(201).extract();
        String registrationId = registered.path("id");
        String registeredAt = registered.path("registeredAt");
        String cancelledAt = Api.cancel(eventId, registrationId, "dana@example.com").statusCode(200)
                .extract().path("cancelledAt");

        // What the service answered is what it stored: PostgreSQL keeps microseconds, and so does the service's clock.
        given().header("Authorization", dana).get("/api/events/{e}/registrations/{r}", eventId, registrationId)
                .then().statusCode(200)
                .body("registeredAt", equalTo(registeredAt)).body("cancelledAt", equalTo(cancelledAt));
        assertThat(Instant.parse(registeredAt).getNano() % 1_000).isZero();
    }

    @Test
    void thesamePersonCannotRegisterTwiceAndTheOrganizerIsToldWhichRegistrationHoldsThePlace() {
        UUID eventId = Api.scheduleEvent("Leadership summit", 10);
        String first = Api.register(eventId, "carla@example.com", "Carla").statusCode(201).extract().path("id");

        Api.organizerRegisters(eventId, "Carla@Example.com", "Carla again").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/already-registered"))
                .body("detail", containsString(first));
        // The attendee is told the place is taken, not the registration's id.
        Api.register(eventId, "Carla@Example.com", "Carla again").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/already-registered"))
                .body("detail", org.hamcrest.Matchers.not(containsString(first)));
    }

    @Test
    void anAttendeeActsOnlyOnItsOwnRegistrations() {
        UUID eventId = Api.scheduleEvent("Town hall", 10);
        String dagId = Api.register(eventId, "dag@example.com", "Dag").statusCode(201).extract().path("id");

        given().header("Authorization", Tokens.bearer("attendee", "dag@example.com"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("attendee", java.util.Map.of("email", "someone.else@example.com",
                        "name", "Someone Else")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("attendee", "eve@example.com"))
                .get("/api/events/{e}/registrations/{r}", eventId, dagId).then().statusCode(404);
        Api.cancel(eventId, dagId, "eve@example.com").statusCode(404);
        given().header("Authorization", Tokens.organizer())
                .get("/api/events/{e}/registrations/{r}", eventId, dagId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void cancellingTwiceIsAConflictAndChangesNothing() {
        UUID eventId = Api.scheduleEvent("Workshop", 2);
        String id = Api.register(eventId, "finn@example.com", "Finn").statusCode(201).extract().path("id");
        Api.cancel(eventId, id, "finn@example.com").statusCode(200);
        Api.cancel(eventId, id, "finn@example.com").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/already-cancelled"));
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}", eventId).then()
                .body("confirmed", equalTo(0)).body("seatsLeft", equalTo(2));
    }
}
