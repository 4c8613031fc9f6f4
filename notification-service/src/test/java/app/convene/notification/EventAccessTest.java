package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who sees and changes an event's briefings, lists and feedback within one organisation: staff read what is not
 * confidential, only the owner, co-organizers and delegates change it, and a confidential event is the members' alone.
 */
@QuarkusTest
class EventAccessTest {
    private static final String EXECUTIVE = "erik.executive@example.com";
    private static final String ASSISTANT = "ada.assistant@example.com";
    private static final String COLLEAGUE = "colin.colleague@example.com";

    private static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", Tokens.bearer(role, subject));
    }

    private static Instant inDays(int days) {
        return TestClock.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void anAssistantRunsTheExecutivesConfidentialBoardMeetingBriefingsAndAColleagueSeesNoneOfIt() {
        UUID eventId = UUID.randomUUID();
        String title = "Board meeting: acquisition of Northwind " + eventId.toString().substring(0, 8);
        Instant start = inDays(25);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(3)), "Europe/Stockholm", 12,
                new EventAccess("acme", EXECUTIVE, true, List.of(),
                        List.of(new EventAccess.Delegate(ASSISTANT, EXECUTIVE))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("organizer", EXECUTIVE)
                .get("/api/events/{e}/briefings", eventId).then().statusCode(200).body("title", equalTo(title)));
        String boardEmail = "board-" + eventId + "@example.com";
        var added = as("organizer", EXECUTIVE).contentType(ContentType.JSON)
                .body(Map.of("audience", "ORGANIZERS", "name", "Board secretary", "channel", "EMAIL",
                        "address", boardEmail)).post("/api/events/{e}/recipients", eventId).then().statusCode(201)
                .extract();
        String recipientId = added.path("id");
        // The Location is the recipient, as the list shows it; a colleague who does not see the event finds nothing.
        as("organizer", ASSISTANT).get(added.header("Location")).then().statusCode(200)
                .body("id", equalTo(recipientId)).body("address", equalTo(boardEmail));
        as("organizer", COLLEAGUE).get(added.header("Location")).then().statusCode(404);
        String briefingId = as("organizer", EXECUTIVE).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");

        // The assistant reads the briefing and adds a recipient, on the executive's behalf.
        as("organizer", ASSISTANT).accept("application/json")
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200)
                .body("facts.title", equalTo(title));
        assertThat(as("organizer", ASSISTANT).accept("text/plain")
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract().asString())
                .contains(title);
        as("organizer", ASSISTANT).contentType(ContentType.JSON)
                .body(Map.of("audience", "LEADS", "name", "Chair", "channel", "EMAIL",
                        "address", "chair-" + eventId + "@example.com"))
                .post("/api/events/{e}/recipients", eventId).then().statusCode(201);

        // A colleague organizer of acme, and finance and facility of acme, see none of it.
        for (var reader : List.of(as("organizer", COLLEAGUE), as("finance", "fiona.finance@example.com"),
                as("facility", "frank.facility@example.com"))) {
            String body = reader.get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(404)
                    .contentType("application/problem+json").extract().asString();
            assertThat(body).doesNotContain(title);
        }
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings", eventId).then().statusCode(404);
        as("organizer", COLLEAGUE).get("/api/events/{e}/recipients", eventId).then().statusCode(404);
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                .statusCode(404);
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then()
                .statusCode(404);
        as("organizer", COLLEAGUE).get("/api/events/{e}/feedback", eventId).then().statusCode(404);
        as("organizer", COLLEAGUE).contentType(ContentType.JSON)
                .body(Map.of("audience", "ORGANIZERS", "name", "Colin", "channel", "EMAIL",
                        "address", COLLEAGUE)).post("/api/events/{e}/recipients", eventId).then().statusCode(404);
        as("organizer", COLLEAGUE).delete("/api/events/{e}/recipients/{r}", eventId, recipientId).then()
                .statusCode(404);
        as("organizer", COLLEAGUE).get("/api/events/{e}/audit", eventId).then().statusCode(404);

        // The audit trail names the assistant and the executive she acted for.
        List<Map<String, Object>> audit = as("organizer", EXECUTIVE).get("/api/events/{e}/audit", eventId).then()
                .statusCode(200).extract().path("entries");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(ASSISTANT);
            assertThat(entry.get("onBehalfOf")).isEqualTo(EXECUTIVE);
            assertThat(entry.get("action")).isEqualTo("POST /api/events/" + eventId + "/recipients");
            assertThat(entry.get("status")).isEqualTo(201);
        });
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(EXECUTIVE);
            assertThat(entry.get("onBehalfOf")).isNull();
            assertThat(entry.get("action")).isEqualTo("POST /api/events/" + eventId + "/briefings");
        });
        assertThat(audit).noneSatisfy(entry -> assertThat(entry.get("actor")).isEqualTo(COLLEAGUE));
        as("organizer", EXECUTIVE).get("/api/events/{e}/recipients", eventId).then().statusCode(200)
                .body("", hasSize(2));
    }

    @Test
    void aColleagueReadsAnEventsBriefingsButOnlyItsMembersChangeThemUntilTheOwnerMakesHimACoOrganizer() {
        UUID eventId = UUID.randomUUID();
        Instant start = inDays(35);
        Instant end = start.plus(Duration.ofHours(5));
        Stories.schedule(eventId, "Sales kick-off", start, end, "Europe/Amsterdam", 80, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        String recipientId = addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Oscar",
                "channel", "EMAIL", "address", "oscar-" + eventId + "@example.com")).statusCode(201)
                .extract().path("id");
        String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");

        // Colin, an organizer of acme but not of this event, reads everything...
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings", eventId).then().statusCode(200)
                .body("title", equalTo("Sales kick-off"));
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200);
        as("organizer", COLLEAGUE).get("/api/events/{e}/recipients", eventId).then().statusCode(200)
                .body("", hasSize(1));
        as("organizer", COLLEAGUE).get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then()
                .statusCode(200);
        as("finance", "fiona.finance@example.com").get("/api/events/{e}/feedback", eventId).then().statusCode(200);
        // ...and changes nothing.
        // A webhook's host must resolve (to a public address) for it to be added.
        TestResolver.point("colin.convene.test", "93.184.216.34");
        String webhook = "{\"audience\":\"ORGANIZERS\",\"name\":\"Colin's tool\",\"channel\":\"WEBHOOK\","
                + "\"address\":\"https://colin.convene.test/hook\"}";
        for (var change : List.of(
                as("organizer", COLLEAGUE).contentType(ContentType.JSON).body(webhook)
                        .post("/api/events/{e}/recipients", eventId),
                as("organizer", COLLEAGUE).delete("/api/events/{e}/recipients/{r}", eventId, recipientId),
                as("organizer", COLLEAGUE).contentType(ContentType.JSON).body("{\"kind\":\"POST_EVENT\"}")
                        .post("/api/events/{e}/briefings", eventId),
                as("organizer", COLLEAGUE).contentType(ContentType.JSON)
                        .body("{\"preEventOffsets\":[\"P9D\"],\"postEventOffset\":\"P1D\"}")
                        .put("/api/events/{e}/briefing-schedule", eventId),
                as("organizer", COLLEAGUE).post("/api/events/{e}/briefings/{b}/reminders", eventId, briefingId),
                as("finance", "fiona.finance@example.com").contentType(ContentType.JSON).body(webhook)
                        .post("/api/events/{e}/recipients", eventId))) {
            change.then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://convene.app/problems/not-event-member"));
        }
        Stories.briefings(eventId).body("briefings.findAll { it.onDemand }", hasSize(1))
                .body("preEventOffsets", equalTo(List.of("PT72H", "PT24H")));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients", eventId).then()
                .body("", hasSize(1));

        // A briefing or recipient id of another event is not found under this one, even for their owner.
        UUID otherEvent = UUID.randomUUID();
        Stories.schedule(otherEvent, "Other event", start, end, "Europe/Amsterdam", 10, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(otherEvent).statusCode(200));
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}", otherEvent, briefingId).then().statusCode(404);
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/deliveries", otherEvent, briefingId).then().statusCode(404);
        given().header("Authorization", Stories.ORGANIZER)
                .post("/api/events/{e}/briefings/{b}/reminders", otherEvent, briefingId).then().statusCode(404);
        given().header("Authorization", Stories.ORGANIZER)
                .delete("/api/events/{e}/recipients/{r}", otherEvent, recipientId).then().statusCode(404);

        // The owner makes Colin a co-organizer (registration announces the event again): now he changes it too.
        announceAccess(eventId, "Sales kick-off", start, end,
                new EventAccess("acme", Stories.OWNER, false, List.of(COLLEAGUE), List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("organizer", COLLEAGUE)
                .contentType(ContentType.JSON).body(webhook).post("/api/events/{e}/recipients", eventId).then()
                .statusCode(201));
        as("organizer", COLLEAGUE).delete("/api/events/{e}/recipients/{r}", eventId, recipientId).then()
                .statusCode(204);
        // Made confidential without him again, the event disappears for him.
        announceAccess(eventId, "Sales kick-off", start, end,
                new EventAccess("acme", Stories.OWNER, true, List.of(), List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("organizer", COLLEAGUE)
                .get("/api/events/{e}/briefings", eventId).then().statusCode(404));
        Stories.briefings(eventId).statusCode(200);
    }

    private static void announceAccess(UUID eventId, String title, Instant start, Instant end, EventAccess access) {
        Stories.announce(RegistrationEvents.EVENT_UPDATED, eventId, new RegistrationEvents.EventUpdated(eventId,
                title, start, end, "Europe/Amsterdam", 80, "PUBLISHED", null, null, access));
    }
}
