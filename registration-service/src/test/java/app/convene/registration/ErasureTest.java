package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A privacy officer erases a person: registrations anonymised in place, counts kept, the others told by hash. */
@QuarkusTest
class ErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");
    private static final String GLOBEX = Tokens.bearer("organizer", "gina@globex.example", "globex");

    private static ValidatableResponse erase(String token, String email, String key) {
        return given().header("Authorization", token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("email", email)).post("/api/privacy/erasures").then();
    }

    private static ValidatableResponse export(String token, String email) {
        return given().header("Authorization", token).get("/api/privacy/people/{email}", email).then();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String register(UUID eventId, String email, String name) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name, "organisation", "Initech")))
                .post("/api/events/{eventId}/registrations", eventId).then().statusCode(201).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> erasedAnnouncements(String erasureId) {
        return KafkaBroker.records(Topics.PRIVACY, Duration.ofSeconds(5)).stream()
                .filter(r -> erasureId.equals(r.key())).toList();
    }

    @Test
    void anErasedPersonIsAnonymisedEverywhereInTheOrganisationAndTheCountsStay() throws Exception {
        String erin = "Erin." + UUID.randomUUID() + "@Example.com";
        UUID conference = Api.scheduleEvent("Privacy conference", 1);
        UUID workshop = Api.scheduleEvent("Privacy workshop", 1);
        String erinAtConference = register(conference, erin, "Erin Eriksson");
        register(workshop, "bob-" + UUID.randomUUID() + "@example.com", "Bob");
        String erinAtWorkshop = register(workshop, erin, "Erin Eriksson");
        given().header("Authorization", Tokens.organizer())
                .post("/api/events/{e}/registrations/{r}/check-in", conference, erinAtConference).then()
                .statusCode(200);
        Instant start = Instant.now().plus(Duration.ofDays(30));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", "Keynote", "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(1)).toString(), "capacity", 10,
                        "speakers", List.of(Map.of("email", erin.toLowerCase(), "name", "Erin Eriksson"))))
                .post("/api/events/{e}/sessions", conference).then().statusCode(201);
        // The same address in another organisation is that organisation's business.
        String globexEvent = given().header("Authorization", GLOBEX).contentType(ContentType.JSON)
                .body(Map.of("title", "Globex gala", "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(3)).toString(), "timeZone", "UTC", "capacity", 5))
                .post("/api/events").then().statusCode(201).extract().path("id");
        given().header("Authorization", GLOBEX).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", erin, "name", "Erin at Globex")))
                .post("/api/events/{e}/registrations", globexEvent).then().statusCode(201);

        export(OFFICER, erin).statusCode(200).body("registrations", hasSize(2))
                .body("registrations.status", contains("CONFIRMED", "WAITLISTED"))
                .body("speakers", hasSize(1)).body("speakers[0].sessionTitle", equalTo("Keynote"));
        given().header("Authorization", Tokens.bearer("attendee", erin)).get("/api/privacy/people/{e}", erin)
                .then().statusCode(403);
        // Everything announced so far is on the topic (the relay publishes in order; the globex registration was last).
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.announced(UUID.fromString(globexEvent)).stream()
                .anyMatch(r -> Api.type(r).equals("registration.confirmed.v2")));
        int announcedBefore = Api.announced(conference).size() + Api.announced(workshop).size();

        ValidatableResponse erased = erase(OFFICER, erin.toUpperCase(), "erase-" + erin).statusCode(202)
                .header("Location", containsString("/api/privacy/erasures/"))
                .body("requestedBy", equalTo("pia@example.com")).body("complete", equalTo(false))
                .body("emailSha256", equalTo(sha256(erin.toLowerCase())))
                .body("progress.find { it.service == 'registration-service' }.status", equalTo("DONE"))
                .body("progress.find { it.service == 'registration-service' }.rowsAnonymised", equalTo(3))
                .body("progress.findAll { it.status == 'PENDING' }.service",
                        contains("budget-service", "notification-service", "venue-service"));
        String erasureId = erased.extract().path("id");
        // A retry with the same key is the same erasure.
        erase(OFFICER, erin.toUpperCase(), "erase-" + erin).statusCode(202).body("id", equalTo(erasureId));

        Api.asOrganizer("GET", "/api/events/{e}/registrations/{r}", conference, erinAtConference).statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("checkedInAt", org.hamcrest.Matchers.notNullValue())
                .body("attendee.name", equalTo("Erased person"))
                .body("attendee.email", equalTo("erased-" + erinAtConference + "@erased.invalid"))
                .body("attendee.organisation", org.hamcrest.Matchers.nullValue());
        Api.asOrganizer("GET", "/api/events/{e}/registrations/{r}", workshop, erinAtWorkshop).statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1))
                .body("attendee.name", equalTo("Erased person"));
        Api.asOrganizer("GET", "/api/events/{e}", conference).body("confirmed", equalTo(1))
                .body("checkedIn", equalTo(1));
        Api.asOrganizer("GET", "/api/events/{e}", workshop).body("confirmed", equalTo(1))
                .body("waitlisted", equalTo(1));
        Api.asOrganizer("GET", "/api/events/{e}/sessions", conference)
                .body("[0].speakers[0].name", equalTo("Erased person"))
                .body("[0].speakers[0].email", org.hamcrest.Matchers.endsWith("@erased.invalid"));

        // Announced once, by hash; nothing about registrations or headcounts is announced again.
        await().atMost(Duration.ofSeconds(10)).until(() -> erasedAnnouncements(erasureId).size() == 1);
        ConsumerRecord<String, String> announcement = erasedAnnouncements(erasureId).get(0);
        assertThat(Api.type(announcement)).isEqualTo("privacy.person-erased.v1");
        assertThat(announcement.value()).doesNotContainIgnoringCase(erin).doesNotContain("Erin");
        JsonNode payload = JSON.readTree(announcement.value());
        assertThat(payload.get("emailSha256").asText()).isEqualTo(sha256(erin.toLowerCase()));
        assertThat(payload.get("organisation").asText()).isEqualTo("acme");
        List<String> ids = new ArrayList<>();
        payload.get("registrationIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyInAnyOrder(erinAtConference, erinAtWorkshop);
        assertThat(Api.announced(conference).size() + Api.announced(workshop).size()).isEqualTo(announcedBefore);

        export(OFFICER, erin).statusCode(200).body("registrations", empty()).body("speakers", empty());
        export(Tokens.organizer(), "erased-" + erinAtConference + "@erased.invalid").statusCode(200)
                .body("registrations[0].name", equalTo("Erased person"))
                .body("registrations[0].answers", org.hamcrest.Matchers.nullValue());
        // Globex still holds its own registration, and does not see acme's erasure.
        export(GLOBEX, erin).statusCode(200).body("registrations", hasSize(1))
                .body("registrations[0].name", equalTo("Erin at Globex"));
        given().header("Authorization", GLOBEX).get("/api/privacy/erasures/{id}", erasureId).then().statusCode(404);

        // The other services report; another organisation's report of it changes nothing.
        KafkaBroker.send(EventRecords.of(BudgetEvents.ERASURE_COMPLETED, erasureId,
                new PrivacyEvents.ErasureCompleted(UUID.fromString(erasureId), "globex", 9, Instant.now())));
        KafkaBroker.send(EventRecords.of(NotificationEvents.ERASURE_COMPLETED, erasureId,
                new PrivacyEvents.ErasureCompleted(UUID.fromString(erasureId), "acme", 4, Instant.now())));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/api/privacy/erasures/{id}", erasureId).then().statusCode(200)
                .body("progress.find { it.service == 'notification-service' }.status", equalTo("DONE"))
                .body("progress.find { it.service == 'notification-service' }.rowsAnonymised", equalTo(4)));
        given().header("Authorization", OFFICER).get("/api/privacy/erasures/{id}", erasureId).then()
                .body("progress.find { it.service == 'budget-service' }.status", equalTo("PENDING"))
                .body("complete", equalTo(false));

        // Erasing the same address again is harmless: nothing left to anonymise here.
        erase(Tokens.organizer(), erin, "again-" + erin).statusCode(202)
                .body("progress.find { it.service == 'registration-service' }.rowsAnonymised", equalTo(0));
        Api.asOrganizer("GET", "/api/events/{e}", workshop).body("confirmed", equalTo(1))
                .body("waitlisted", equalTo(1));
    }

    @Test
    void onlyOrganizersAndPrivacyOfficersEraseAndTheAddressMustBeOne() {
        erase(Tokens.bearer("attendee", "a@example.com"), "a@example.com", UUID.randomUUID().toString())
                .statusCode(403);
        erase(Tokens.bearer("finance", "f@example.com"), "a@example.com", UUID.randomUUID().toString())
                .statusCode(403);
        erase(OFFICER, "not-an-address", UUID.randomUUID().toString()).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().header("Authorization", OFFICER).get("/api/privacy/erasures/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void twoErasuresOfTheSameAddressAtOnceAnonymiseEachRegistrationOnce() throws Exception {
        String ray = "ray-" + UUID.randomUUID() + "@example.com";
        List<String> registrations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            registrations.add(register(Api.scheduleEvent("Race " + i, 5), ray, "Ray Racer"));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String key = "race-" + i + "-" + ray;
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return erase(OFFICER, ray, key).statusCode(202).extract()
                        .<Integer>path("progress.find { it.service == 'registration-service' }.rowsAnonymised");
            }));
        }
        int total = racers.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(total).isEqualTo(4);
        export(OFFICER, ray).statusCode(200).body("registrations", empty());
        List<String> announced = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            announced.clear();
            for (ConsumerRecord<String, String> r : KafkaBroker.records(Topics.PRIVACY, Duration.ofSeconds(5))) {
                JsonNode payload = JSON.readTree(r.value());
                payload.get("registrationIds").forEach(id -> {
                    if (registrations.contains(id.asText())) {
                        announced.add(id.asText());
                    }
                });
            }
            assertThat(announced).containsExactlyInAnyOrderElementsOf(registrations);
        });
    }
}
