package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.Tokens;
import app.convene.registration.meeting.service.OverdueActionItems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The board's secretary prepares the monthly meeting's agenda, publishes it, takes the minutes with a decision and
 * action items, and the chair approves them; what is still open and overdue by the next meeting is on its agenda.
 */
@QuarkusTest
class AgendaAndMinutesStoryTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String SECRETARY = "sam.secretary@example.com";
    private static final String CHAIR = "chris.chair@example.com";

    @Inject
    OverdueActionItems overdueActionItems;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    private static String secretary() {
        return Tokens.bearer("organizer", SECRETARY);
    }

    @Test
    void anAgendaPublishedMinutesApprovedByTheChairAndActionItemsCarriedIntoTheNextMeeting() throws Exception {
        int year = LocalDate.now(STOCKHOLM).getYear() + 1;
        LocalDate first = LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        JsonPath series = given().header("Authorization", secretary()).contentType(ContentType.JSON)
                .body(Map.of("title", "Management team", "firstDate", first.toString(), "startTime", "09:00",
                        "durationMinutes", 90, "timeZone", "Europe/Stockholm",
                        "recurrence", "FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "capacity", 10))
                .post("/api/meeting-series").then().statusCode(201).extract().jsonPath();
        UUID meeting = UUID.fromString(series.getString("occurrences[0].eventId"));
        UUID next = UUID.fromString(series.getString("occurrences[1].eventId"));
        LocalDate nextDate = LocalDate.parse(series.getString("occurrences[1].date"));

        // The agenda: two items, then the decision moved to the top.
        String office = addItem(meeting, Map.of("title", "Office move", "kind", "DISCUSSION"));
        String budget = addItem(meeting, Map.of("title", "Q3 budget", "kind", "DECISION", "presenter", "CFO",
                "timeBoxMinutes", 20, "attachments", List.of("https://docs.example.com/q3-budget.pdf")));
        given().header("Authorization", secretary()).contentType(ContentType.JSON)
                .body(Map.of("itemIds", List.of(budget))).put("/api/events/{e}/agenda/order", meeting)
                .then().statusCode(400).body("errors[0].field", equalTo("itemIds"));
        given().header("Authorization", secretary()).contentType(ContentType.JSON)
                .body(Map.of("itemIds", List.of(budget, office))).put("/api/events/{e}/agenda/order", meeting)
                .then().statusCode(200).body("items.title", equalTo(List.of("Q3 budget", "Office move")));

        // Attendees see it once it is published; publishing announces it for the briefing.
        String member = "mia.member@example.com";
        Api.register(meeting, member, "Mia Member").statusCode(201);
        given().header("Authorization", Tokens.bearer("attendee", member)).get("/api/events/{e}/agenda", meeting)
                .then().statusCode(404);
        given().header("Authorization", secretary()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/events/{e}/agenda/publish", meeting).then().statusCode(200).body("version", equalTo(1));
        given().header("Authorization", Tokens.bearer("attendee", member)).get("/api/events/{e}/agenda", meeting)
                .then().statusCode(200).body("items.title", equalTo(List.of("Q3 budget", "Office move")))
                .body("items[0].presenter", equalTo("CFO")).body("items[0].timeBoxMinutes", equalTo(20));
        RegistrationEvents.AgendaPublished published = payload(meeting, "registration.agenda-published.v1",
                RegistrationEvents.AgendaPublished.class);
        assertThat(published.items()).extracting(RegistrationEvents.AgendaEntry::title)
                .containsExactly("Q3 budget", "Office move");
        assertThat(published.items().get(0).attachments()).containsExactly("https://docs.example.com/q3-budget.pdf");

        // The minutes: a carried decision and two action items; one due before the next meeting, one long overdue.
        LocalDate beforeNext = nextDate.minusDays(7);
        LocalDate longAgo = LocalDate.now().minusDays(3);
        Map<String, Object> minutes = Map.of("chair", CHAIR, "entries", List.of(
                Map.of("agendaItemId", budget, "notes", "The CFO presented the Q3 figures.",
                        "decisions", List.of(Map.of("text", "Approve the Q3 budget", "outcome", "CARRIED",
                                "votesFor", 5, "votesAgainst", 1, "abstentions", 0)),
                        "actionItems", List.of(
                                Map.of("title", "Send the budget to finance", "owner", "ann@example.com",
                                        "dueDate", beforeNext.toString()),
                                Map.of("title", "Renew the lease", "owner", "bo@example.com",
                                        "dueDate", longAgo.toString()))),
                Map.of("agendaItemId", office, "notes", "Deferred to the next meeting.")));
        given().header("Authorization", secretary()).contentType(ContentType.JSON)
                .body(Map.of("chair", CHAIR, "entries", List.of(Map.of("agendaItemId", UUID.randomUUID()))))
                .put("/api/events/{e}/minutes", meeting).then().statusCode(400)
                .body("errors[0].field", equalTo("entries[0].agendaItemId"));
        given().header("Authorization", secretary()).contentType(ContentType.JSON).body(minutes)
                .put("/api/events/{e}/minutes", meeting).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("entries[0].actionItems", hasSize(2));
        given().header("Authorization", Tokens.bearer("attendee", member)).get("/api/events/{e}/minutes", meeting)
                .then().statusCode(404);

        // Only the chair approves, and only submitted minutes.
        String chair = Tokens.bearer("organizer", CHAIR);
        given().header("Authorization", chair).post("/api/events/{e}/minutes/approve", meeting).then().statusCode(409);
        given().header("Authorization", secretary()).post("/api/events/{e}/minutes/submit", meeting).then()
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        given().header("Authorization", secretary()).post("/api/events/{e}/minutes/approve", meeting).then()
                .statusCode(403);
        given().header("Authorization", chair).post("/api/events/{e}/minutes/approve", meeting).then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        given().header("Authorization", chair).post("/api/events/{e}/minutes/approve", meeting).then()
                .statusCode(200).body("revision", equalTo(1));
        RegistrationEvents.MinutesApproved approved = payload(meeting, "registration.minutes-approved.v1",
                RegistrationEvents.MinutesApproved.class);
        assertThat(approved.chair()).isEqualTo(CHAIR);
        assertThat(approved.entries().get(0).agendaTitle()).isEqualTo("Q3 budget");
        assertThat(approved.entries().get(0).decisions().get(0)).isEqualTo(
                new RegistrationEvents.Decision("Approve the Q3 budget", "CARRIED", 5, 1, 0));
        assertThat(approved.actionItems()).extracting(RegistrationEvents.ActionItemSummary::owner)
                .containsExactlyInAnyOrder("ann@example.com", "bo@example.com");
        assertThat(Api.announced(meeting, "registration.minutes-approved.v1", 1)).hasSize(1);

        // Approved minutes never change: not through the API, not even in the database.
        given().header("Authorization", secretary()).contentType(ContentType.JSON).body(minutes)
                .put("/api/events/{e}/minutes", meeting).then().statusCode(409);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update minutes set chair = 'someone@else.example' where event_id = ?1").setParameter(1, meeting)
                .executeUpdate())).hasStackTraceContaining("approved minutes");
        given().header("Authorization", Tokens.bearer("attendee", member)).get("/api/events/{e}/minutes", meeting)
                .then().statusCode(200).body("chair", equalTo(CHAIR))
                .body("entries[0].decisions[0].outcome", equalTo("CARRIED"));

        // A correction is a new revision; the approved one stays as it was.
        String correction = given().header("Authorization", secretary())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/events/{e}/minutes/revisions", meeting).then().statusCode(201)
                .body("revision", equalTo(2)).body("status", equalTo("DRAFT")).extract().header("Location");
        given().header("Authorization", secretary()).get(correction).then().statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("DRAFT"));
        given().header("Authorization", Tokens.bearer("attendee", member)).get("/api/events/{e}/minutes", meeting)
                .then().statusCode(200).body("revision", equalTo(1));

        // Action items across meetings: by series, by owner; the one due before the next meeting is on its agenda.
        UUID seriesId = UUID.fromString(series.getString("id"));
        given().header("Authorization", secretary()).queryParam("seriesId", seriesId).queryParam("status", "OPEN")
                .get("/api/action-items").then().statusCode(200).body("actionItems", hasSize(2))
                .body("next", nullValue());
        String ann = Tokens.bearer("attendee", "ann@example.com");
        List<String> annsItems = given().header("Authorization", ann).queryParam("owner", "me")
                .get("/api/action-items").then().statusCode(200).extract().path("actionItems.id");
        assertThat(annsItems).hasSize(1);
        JsonPath nextAgenda = given().header("Authorization", secretary()).get("/api/events/{e}/agenda", next)
                .then().statusCode(200).extract().jsonPath();
        assertThat(nextAgenda.getList("carriedActionItems.title", String.class))
                .containsExactlyInAnyOrder("Send the budget to finance", "Renew the lease");
        given().header("Authorization", secretary()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/events/{e}/agenda/publish", next).then().statusCode(200);
        assertThat(payload(next, "registration.agenda-published.v1", RegistrationEvents.AgendaPublished.class)
                .carriedActionItems()).hasSize(2);

        // The long-overdue item is announced once, however often the sweep runs.
        overdueActionItems.sweep();
        overdueActionItems.sweep();
        List<String> overdue = Api.announced(meeting, "registration.action-item-overdue.v1", 1).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(overdue).hasSize(1);
        assertThat(objectMapper.readValue(overdue.get(0), RegistrationEvents.ActionItemOverdue.class).owner())
                .isEqualTo("bo@example.com");
        given().header("Authorization", secretary()).queryParam("overdue", true).queryParam("seriesId", seriesId)
                .get("/api/action-items").then().statusCode(200)
                .body("actionItems.title", equalTo(List.of("Renew the lease")));

        // Ann marks hers done; Bo may not touch it.
        given().header("Authorization", Tokens.bearer("attendee", "bo@example.com")).contentType(ContentType.JSON)
                .body(Map.of("status", "DONE")).patch("/api/action-items/{id}", annsItems.get(0)).then()
                .statusCode(404);
        given().header("Authorization", ann).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .patch("/api/action-items/{id}", annsItems.get(0)).then().statusCode(200)
                .body("status", equalTo("DONE"));
        given().header("Authorization", secretary()).get("/api/events/{e}/agenda", next).then().statusCode(200)
                .body("carriedActionItems.title", equalTo(List.of("Renew the lease")));
    }

    @Test
    void confidentialMinutesAreForItsMembersAndAttendeesOnly() {
        UUID board = UUID.fromString(Api.postEvent(Api.eventBody("Board: acquisition", 8, Duration.ofDays(20),
                Map.of("confidential", true))).statusCode(201).extract().path("id"));
        Api.organizerRegisters(board, "director@example.com", "A Director").statusCode(201);
        String owner = Tokens.organizer();
        given().header("Authorization", owner).contentType(ContentType.JSON)
                .body(Map.of("chair", "olivia.organizer@example.com", "entries",
                        List.of(Map.of("notes", "Approved the acquisition in principle."))))
                .put("/api/events/{e}/minutes", board).then().statusCode(200);
        given().header("Authorization", owner).post("/api/events/{e}/minutes/submit", board).then().statusCode(200);
        given().header("Authorization", owner).post("/api/events/{e}/minutes/approve", board).then().statusCode(200);

        given().header("Authorization", Tokens.bearer("attendee", "director@example.com"))
                .get("/api/events/{e}/minutes", board).then().statusCode(200)
                .body("entries[0].notes", equalTo("Approved the acquisition in principle."));
        given().header("Authorization", Tokens.bearer("organizer", "otto.other@example.com"))
                .get("/api/events/{e}/minutes", board).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("attendee", "nosy@example.com"))
                .get("/api/events/{e}/minutes", board).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("organizer", "olaf@other.example", "other-org"))
                .get("/api/events/{e}/minutes", board).then().statusCode(404);
    }

    private static String addItem(UUID eventId, Map<String, Object> item) {
        return given().header("Authorization", secretary()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(item).post("/api/events/{e}/agenda/items", eventId)
                .then().statusCode(201).extract().path("id");
    }

    private <T> T payload(UUID eventId, String type, Class<T> payloadType) throws Exception {
        List<ConsumerRecord<String, String>> records = Api.announced(eventId, type, 1);
        assertThat(records).as(type).isNotEmpty();
        return objectMapper.readValue(records.get(records.size() - 1).value(), payloadType);
    }
}
