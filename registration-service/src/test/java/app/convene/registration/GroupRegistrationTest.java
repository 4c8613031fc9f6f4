package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class GroupRegistrationTest {

    /** The event's organizer books a group for {@code booker}. */
    private static ValidatableResponse book(UUID eventId, String booker, String... attendees) {
        return book(Tokens.organizer(), eventId, booker, attendees);
    }

    private static ValidatableResponse book(String token, UUID eventId, String booker, String... attendees) {
        List<Map<String, String>> people = java.util.Arrays.stream(attendees)
                .map(a -> Map.of("email", a, "name", a.substring(0, a.indexOf('@')), "organisation", "Acme"))
                .toList();
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("booker", Map.of("email", booker, "name", "Booker"), "attendees", people))
                .post("/api/events/{e}/registrations/group", eventId).then();
    }

    @Test
    void aGroupIsConfirmedTogetherOrWaitlistedTogether() {
        UUID eventId = Api.scheduleEvent("Team offsite", 3);
        book(eventId, "ea@example.com", "t1@example.com", "t2@example.com").statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("registrations", hasSize(2))
                .body("registrations.status", everyItem(equalTo("CONFIRMED")))
                .body("registrations.attendee.organisation", everyItem(equalTo("Acme")));

        // One seat left, two people: neither takes it, both wait, in the order given.
        book(eventId, "ea@example.com", "t3@example.com", "t4@example.com").statusCode(201)
                .body("status", equalTo("WAITLISTED"))
                .body("registrations.waitlistPosition", contains(1, 2));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(2)).body("waitlisted", equalTo(2));
    }

    @Test
    void aGroupWithSomeoneAlreadyRegisteredOrListedTwiceChangesNothing() {
        UUID eventId = Api.scheduleEvent("Board dinner", 10);
        Api.register(eventId, "u1@example.com", "U1").statusCode(201);
        book(eventId, "ea@example.com", "u2@example.com", "u1@example.com").statusCode(409)
                .body("type", equalTo("https://convene.app/problems/already-registered"));
        book(eventId, "ea@example.com", "u3@example.com", "U3@example.com").statusCode(400)
                .body("errors[0].field", equalTo("attendees[1].email"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1));
    }

    @Test
    void anAttendeeBooksNoGroupsNotEvenInItsOwnNameAndLearnsNothingAboutOthers() {
        UUID eventId = Api.scheduleEvent("Booked by someone else", 10);
        String existing = Api.register(eventId, "v@example.com", "V").statusCode(201).extract().path("id");
        book(Tokens.bearer("attendee", "mallory@example.com"), eventId, "ea@example.com", "w@example.com")
                .statusCode(403).contentType("application/problem+json");
        book(Tokens.bearer("attendee", "ea@example.com"), eventId, "ea@example.com", "ea@example.com",
                "v@example.com").statusCode(403).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(existing)));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1));
    }

    @Test
    void anOrganizerWhoDoesNotRunTheEventBooksNoGroup() {
        UUID eventId = Api.scheduleEvent("Someone else's offsite", 10);
        book(Tokens.bearer("organizer", "colleague@example.com"), eventId, "ea@example.com", "t9@example.com")
                .statusCode(403).body("type", equalTo("https://convene.app/problems/not-event-member"));
        book(Tokens.bearer("organizer", "olivia.organizer@example.com", "globex"), eventId, "ea@example.com",
                "t9@example.com").statusCode(404);
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(0));
    }
}
