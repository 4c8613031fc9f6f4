package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The main entrance of the harbour venue closes for works: Olivia writes to the confirmed attendees, each of whom
 * reads it with the event's title and a line in their own language, once, however often her client retries; then to
 * the waiting list. She sees how far each message went out.
 */
@QuarkusTest
class AttendeeMessageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    @Test
    void theOrganizerWritesToTheConfirmedAttendeesOnceEachInTheirLanguageThenToTheWaitingList() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Harbour forum", start, start.plus(Duration.ofHours(4)), "Europe/Amsterdam", 2,
                Stories.ownedByOlivia());
        Stories.known(eventId);
        String ann = "ann-" + eventId + "@example.com";
        String ben = "ben-" + eventId + "@example.com";
        String cleo = "cleo-" + eventId + "@example.com";
        String dan = "dan-" + eventId + "@example.com";
        UUID danReg = UUID.randomUUID();
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                UUID.randomUUID(), ann, TestClock.now(), "sv"));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                UUID.randomUUID(), ben, TestClock.now(), null));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                danReg, dan, TestClock.now(), "en"));
        Stories.announce(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                danReg, dan, "CONFIRMED", TestClock.now(), false, "en"));
        Stories.announce(RegistrationEvents.WAITLISTED, eventId, new RegistrationEvents.RegistrationWaitlisted(
                eventId, UUID.randomUUID(), cleo, 1, TestClock.now(), "nl"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(cleo)).hasSize(1);
            assertThat(Stories.subjectsTo(dan)).hasSize(2);
            assertThat(Stories.subjectsTo(ann)).hasSize(1);
            assertThat(Stories.subjectsTo(ben)).hasSize(1);
        });

        // Refused: not one line, blank, unknown audience or field; not her event's member; not an organizer.
        as(Stories.ORGANIZER).body(Map.of("subject", "Entrance\nmoved", "body", "Side door"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("subject"));
        as(Stories.ORGANIZER).body(Map.of("subject", "Entrance", "body", " "))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(400)
                .body("errors.field", hasItem("body"));
        as(Stories.ORGANIZER).body(Map.of("subject", "Entrance", "body", "Side door", "audience", "EVERYONE"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(400);
        as(Stories.ORGANIZER).body(Map.of("subject", "Entrance", "body", "Side door", "urgent", true))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(400);
        as(Tokens.bearer("organizer", "otto.organizer@example.com"))
                .body(Map.of("subject", "Entrance", "body", "Side door"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(403);
        as(Tokens.bearer("facility", "frank.facility@example.com"))
                .body(Map.of("subject", "Entrance", "body", "Side door"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(403);
        as(Tokens.bearer("organizer", "gina@globex.example", "globex"))
                .body(Map.of("subject", "Entrance", "body", "Side door"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(404);

        String key = UUID.randomUUID().toString();
        Map<String, Object> entrance = Map.of("subject", "The entrance has moved",
                "body", "The main entrance is closed for works: please use the side door on Dokweg.");
        String location = as(Stories.ORGANIZER).header("Idempotency-Key", key).body(entrance)
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(201)
                .body("recipients", equalTo(2)).body("audience", equalTo("CONFIRMED"))
                .body("sentBy", equalTo(Stories.OWNER)).extract().header("Location");
        String messageId = location.substring(location.lastIndexOf('/') + 1);
        // Her client retries: the same message, no second copy.
        as(Stories.ORGANIZER).header("Idempotency-Key", key).body(entrance)
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(201)
                .body("id", equalTo(messageId));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(ann)).contains("Harbour forum: The entrance has moved");
            assertThat(Stories.subjectsTo(ben)).contains("Harbour forum: The entrance has moved");
        });
        assertThat(Stories.text(Stories.onlyMessage(ann, "Harbour forum: The entrance has moved")))
                .contains("please use the side door on Dokweg.")
                .contains("Du får det här meddelandet från arrangörerna av Harbour forum");
        assertThat(Stories.text(Stories.onlyMessage(ben, "Harbour forum: The entrance has moved")))
                .contains("You receive this message from the organizers of Harbour forum");
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", Stories.ORGANIZER)
                .get(location).then().statusCode(200).body("delivered", equalTo(2)).body("pending", equalTo(0))
                .body("failed", equalTo(0)));

        // Then to the waiting list, in Dutch.
        String waitlistMessage = as(Stories.ORGANIZER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("subject", "Seats may free up", "body", "Keep the afternoon free.", "audience",
                        "WAITLISTED"))
                .post("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(201)
                .body("recipients", equalTo(1)).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(cleo))
                .contains("Harbour forum: Seats may free up"));
        assertThat(Stories.text(Stories.onlyMessage(cleo, "Harbour forum: Seats may free up")))
                .contains("Je ontvangt dit bericht van de organisatoren van Harbour forum");

        Thread.sleep(1000);
        assertThat(Stories.subjectsTo(ann)).filteredOn(s -> s.startsWith("Harbour forum:")).hasSize(1);
        assertThat(Stories.subjectsTo(ben)).filteredOn(s -> s.startsWith("Harbour forum:")).hasSize(1);
        assertThat(Stories.subjectsTo(dan)).noneMatch(s -> s.startsWith("Harbour forum:"));
        assertThat(Stories.subjectsTo(cleo)).noneMatch(s -> s.contains("entrance"));

        // Newest first, a page at a time; seen by facility staff too; every copy is in the attendee mail log.
        given().header("Authorization", Tokens.bearer("facility", "frank.facility@example.com"))
                .get("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(200)
                .body("messages.id", equalTo(List.of(waitlistMessage, messageId)));
        given().header("Authorization", Stories.ORGANIZER).queryParam("limit", 1)
                .get("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(200)
                .body("messages.id", equalTo(List.of(waitlistMessage))).body("next", equalTo(waitlistMessage));
        given().header("Authorization", Stories.ORGANIZER).queryParam("limit", 1).queryParam("before", waitlistMessage)
                .get("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(200)
                .body("messages.id", equalTo(List.of(messageId))).body("next", nullValue());
        given().header("Authorization", Stories.ORGANIZER).queryParam("before", UUID.randomUUID())
                .get("/api/events/{e}/attendee-mail/messages", eventId).then().statusCode(400)
                .body("errors.field", hasItem("before"));
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/attendee-mail/messages/{m}", eventId, UUID.randomUUID()).then()
                .statusCode(404);
        Stories.attendeeMail(eventId).body("deliveries.findAll { it.kind == 'MESSAGE' }.size()", equalTo(3));
        // What the service keeps of Olivia shows the messages she sent.
        given().header("Authorization", Stories.ORGANIZER).get("/api/privacy/people/{e}", Stories.OWNER).then()
                .statusCode(200).body("attendeeMessagesSent.id", hasItem(messageId));
    }
}
