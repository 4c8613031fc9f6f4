package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import app.convene.notification.delivery.service.BriefingDispatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DeliveryAndRulesTest {
    @Inject
    BriefingDispatcher dispatcher;

    private static UUID scheduledEvent(String title, Duration startsIn) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(startsIn).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(4)), "Europe/Amsterdam", 40,
                Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        return eventId;
    }

    @Test
    void aWebhookThatNeverAcceptsEndsFailedAfterThreeAttemptsWhileTheEmailArrives() {
        UUID eventId = scheduledEvent("Directors' review", Duration.ofDays(20));
        String director = "dirk-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "LEADS", "name", "Dirk", "channel", "EMAIL", "address", director,
                "language", "nl")).statusCode(201);
        try (WebhookReceiver broken = new WebhookReceiver(Integer.MAX_VALUE)) {
            broken.trust(addRecipient(eventId, Map.of("audience", "LEADS", "name", "Intranet", "channel", "WEBHOOK",
                    "address", broken.url())).statusCode(201).extract().path("webhookSecret"));

            String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                    .body(Map.of("kind", "POST_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                    .statusCode(201).body("status", equalTo("SENT")).body("onDemand", equalTo(true))
                    .body("facts.title", equalTo("Directors' review")).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header("Authorization", Stories.ORGANIZER)
                    .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                    .body("find { it.channel == 'WEBHOOK' }.status", equalTo("FAILED"))
                    .body("find { it.channel == 'WEBHOOK' }.log", hasSize(3))
                    .body("find { it.channel == 'WEBHOOK' }.log.succeeded", equalTo(List.of(false, false, false)))
                    .body("find { it.channel == 'EMAIL' }.status", equalTo("DELIVERED")));
            assertThat(broken.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(SmtpServer.messagesTo(director)).hasSize(1);
            assertThat(PreEventBriefingStoryTest.subject(SmtpServer.messagesTo(director).get(0)))
                    .isEqualTo("Briefing achteraf: Directors' review");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(5)).stream()
                            .filter(r -> eventId.toString().equals(r.key())).map(PreEventBriefingStoryTest::type))
                    .contains("notification.delivery-failed.v1"));
        }
    }

    @Test
    void aDueBriefingIsSentExactlyOnceWhateverRacesForItOrRollsBack() throws Exception {
        List<UUID> events = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID eventId = scheduledEvent("Race " + i, Duration.ofDays(30));
            String address = "race-" + eventId + "@example.com";
            addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Fay", "channel", "EMAIL",
                    "address", address)).statusCode(201);
            events.add(eventId);
            addresses.add(address);
        }
        Instant due = Instant.parse(briefings(events.get(3)).extract().path("briefings[0].dueAt"));

        // A dispatcher that dies half-way: its claim and deliveries roll back, so nothing is lost or half-sent.
        TestClock.advanceTo(due);
        QuarkusTransaction.begin();
        dispatcher.dispatchDue();
        QuarkusTransaction.rollback();
        // Several dispatchers (and the scheduled one) race for the same due briefings.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> dispatcher.dispatchDue());
            }
            for (Future<Integer> f : pool.invokeAll(racers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        for (int i = 0; i < events.size(); i++) {
            UUID eventId = events.get(i);
            String address = addresses.get(i);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmtpServer.messagesTo(address))
                    .hasSize(1));
            briefings(eventId).body("briefings[0].status", equalTo("SENT"));
            String briefingId = briefings(eventId).extract().path("briefings[0].id");
            given().header("Authorization", Stories.ORGANIZER)
                    .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                    .body("", hasSize(1));
        }
    }

    @Test
    void feedbackFromStaffIsSummarisedAndAttendeesWaitForTheEvent() {
        UUID eventId = scheduledEvent("Volunteer day", Duration.ofDays(40));
        // Ada holds a confirmed registration, but the event has not started.
        announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                UUID.randomUUID(), "ada@example.com", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer("attendee", "ada@example.com")).contentType(ContentType.JSON)
                .body(Map.of("rating", 5, "comment", "looking forward")).post("/api/events/{e}/feedback", eventId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/event-not-started")));
        // The organizer's client retries after a lost answer: the Idempotency-Key makes it one piece of feedback.
        String first = given().header("Authorization", Stories.ORGANIZER)
                .header("Idempotency-Key", "olivia-" + eventId).contentType(ContentType.JSON)
                .body(Map.of("rating", 3, "comment", "loading dock is narrow"))
                .post("/api/events/{e}/feedback", eventId).then().statusCode(201).body("source", equalTo("STAFF"))
                .extract().path("id");
        given().header("Authorization", Stories.ORGANIZER)
                .header("Idempotency-Key", "olivia-" + eventId).contentType(ContentType.JSON)
                .body(Map.of("rating", 3, "comment", "loading dock is narrow"))
                .post("/api/events/{e}/feedback", eventId).then().statusCode(201).body("id", equalTo(first));
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("rating", 7)).post("/api/events/{e}/feedback", eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("rating"));
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body("{\"rating\": 4, \"mood\": \"fine\"}").post("/api/events/{e}/feedback", eventId).then()
                .statusCode(400).contentType("application/problem+json");
        // Facility staff who are not members of the event give no feedback on it.
        given().header("Authorization", Tokens.bearer("facility", "fred@example.com")).contentType(ContentType.JSON)
                .body(Map.of("rating", 3, "comment", "loading dock is narrow")).post("/api/events/{e}/feedback", eventId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/not-event-member"));

        String briefingId = briefings(eventId).extract().path("briefings[0].id");
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200)
                .body("facts.feedback.staffCount", equalTo(1)).body("facts.feedback.staffAverageRating",
                        equalTo(3.0f));
        String text = given().header("Authorization", Stories.ORGANIZER).accept("text/plain").queryParam("lang", "ro")
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract().asString();
        assertThat(text).contains("Informare înainte de eveniment: Volunteer day").contains("Personal: 1")
                .contains("3/5 loading dock is narrow");
        given().header("Authorization", Stories.ORGANIZER).accept("text/html").queryParam("lang", "de")
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void distributionListsRefuseWhatCannotBeDeliveredWithAProblemNamingTheField() {
        UUID eventId = scheduledEvent("List rules", Duration.ofDays(50));
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "X", "channel", "EMAIL", "address", "not-mail"))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("address"));
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "X", "channel", "WEBHOOK",
                "address", "ftp://example.com/x")).statusCode(400).body("errors[0].field", equalTo("address"));
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "X", "channel", "EMAIL",
                "address", "x@example.com", "language", "de")).statusCode(400)
                .body("errors[0].field", equalTo("language"));
        addRecipient(eventId, Map.of("audience", "BOARD", "name", "X", "channel", "EMAIL",
                "address", "x@example.com")).statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .post("/api/events/{e}/recipients", eventId).then().statusCode(400)
                .contentType("application/problem+json");
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Fay", "channel", "EMAIL",
                "address", "Fay@Example.com")).statusCode(201).body("address", equalTo("fay@example.com"));
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Fay", "channel", "EMAIL",
                "address", "fay@example.com")).statusCode(409).contentType("application/problem+json");
        addRecipient(UUID.randomUUID(), Map.of("audience", "FINANCE", "name", "Fay", "channel", "EMAIL",
                "address", "fay@example.com")).statusCode(404);
        given().header("Authorization", Tokens.bearer("facility", "fred@example.com")).contentType(ContentType.JSON)
                .body(Map.of("audience", "FINANCE", "name", "Z", "channel", "EMAIL", "address", "z@example.com"))
                .post("/api/events/{e}/recipients", eventId).then().statusCode(403);
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("preEventOffsets", List.of("P7D", "PT0S"), "postEventOffset", "P2D"))
                .put("/api/events/{e}/briefing-schedule", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("preEventOffsets[1]"));
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("preEventOffsets", List.of("P7D"), "postEventOffset", "P2D"))
                .put("/api/events/{e}/briefing-schedule", eventId).then().statusCode(200)
                .body("briefings.kind", equalTo(List.of("PRE_EVENT", "POST_EVENT")))
                .body("preEventOffsets", equalTo(List.of("PT168H")));
        // no briefing before the event, only the one after it
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("preEventOffsets", List.of(), "postEventOffset", "P1D"))
                .put("/api/events/{e}/briefing-schedule", eventId).then().statusCode(200)
                .body("briefings.kind", equalTo(List.of("POST_EVENT")))
                .body("preEventOffsets", equalTo(List.of()));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/briefings", eventId).then()
                .statusCode(200).body("briefings.kind", equalTo(List.of("POST_EVENT")))
                .body("preEventOffsets", equalTo(List.of())).body("postEventOffset", equalTo("PT24H"));
    }
    @Test
    void aRecipientsNameAddressAndLanguageAreChangedInPlaceEveryBrokenRuleNamed() {
        UUID eventId = scheduledEvent("List changes", Duration.ofDays(50));
        String fay = addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Fay", "channel", "EMAIL",
                "address", "fay.old@example.com")).statusCode(201).extract().path("id");
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Gus", "channel", "EMAIL",
                "address", "gus@example.com")).statusCode(201);

        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("name", "Fay Berg", "address", "Fay.New@Example.com", "language", "sv"))
                .patch("/api/events/{e}/recipients/{r}", eventId, fay).then().statusCode(200)
                .body("name", equalTo("Fay Berg")).body("address", equalTo("fay.new@example.com"))
                .body("language", equalTo("sv")).body("audience", equalTo("FINANCE"))
                .body("channel", equalTo("EMAIL"));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients/{r}", eventId, fay)
                .then().statusCode(200).body("address", equalTo("fay.new@example.com"));

        // Gus is on that list already; an address must fit the channel; audience and channel stay.
        change(eventId, fay, Map.of("address", "GUS@example.com")).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/already-on-list"));
        change(eventId, fay, Map.of("address", "not-mail")).statusCode(400)
                .body("errors[0].field", equalTo("address"));
        change(eventId, fay, Map.of("language", "de")).statusCode(400).body("errors[0].field", equalTo("language"));
        change(eventId, fay, Map.of("name", " ")).statusCode(400).body("errors[0].field", equalTo("name"));
        change(eventId, fay, Map.of("channel", "WEBHOOK")).statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients/{r}", eventId, fay)
                .then().body("name", equalTo("Fay Berg")).body("address", equalTo("fay.new@example.com"));

        // Only the event's owner, co-organizers and delegates; another event's recipient is not found.
        given().header("Authorization", Tokens.bearer("facility", "fred@example.com")).contentType(ContentType.JSON)
                .body(Map.of("name", "Z")).patch("/api/events/{e}/recipients/{r}", eventId, fay).then()
                .statusCode(403);
        change(scheduledEvent("Other list", Duration.ofDays(50)), fay, Map.of("name", "Z")).statusCode(404);
        given().header("Authorization", Stories.ORGANIZER).delete("/api/events/{e}/recipients/{r}", eventId, fay)
                .then().statusCode(204);
        change(eventId, fay, Map.of("name", "Z")).statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse change(UUID eventId, String recipientId, Object body) {
        return given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON).body(body)
                .patch("/api/events/{e}/recipients/{r}", eventId, recipientId).then();
    }
}
