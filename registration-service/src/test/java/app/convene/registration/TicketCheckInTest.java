package app.convene.registration;

import static app.convene.registration.Api.announced;
import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * At the door, staff scan the QR code each attendee shows: the ticket's holder is checked in; a second scan, a ticket
 * on the waiting list, another event's or a replaced ticket is refused with the holder named.
 */
@QuarkusTest
class TicketCheckInTest {
    private static final String HEX32 = "[0-9A-F]{32}";

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static UUID event(String title, int capacity) {
        return UUID.fromString(Api.postEvent(eventBody(title, capacity, Duration.ofDays(20), Map.of())).statusCode(201)
                .extract().path("id"));
    }

    private static ValidatableResponse register(UUID eventId, String email, String name) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201);
    }

    private static ValidatableResponse scan(String token, UUID eventId, Object code) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("ticketCode", code)).post("/api/events/{e}/check-ins", eventId).then();
    }

    @Test
    void theDoorScansTicketsAndChecksInTheirHoldersOnlyOnceEveryRefusalNamingTheHolder() {
        UUID eventId = event("Maker day", 2);
        UUID otherEvent = event("Robot night", 5);
        String ines = unique("ines");
        String lea = unique("lea");
        String kim = unique("kim");
        var inesTicket = register(eventId, ines, "Ines Berg").body("ticketCode", matchesPattern(HEX32)).extract();
        String inesCode = inesTicket.path("ticketCode");
        String inesId = inesTicket.path("id");
        var leaTicket = register(eventId, lea, "Lea Falk").extract();
        String kimCode = register(eventId, kim, "Kim Ito").body("status", equalTo("WAITLISTED"))
                .extract().path("ticketCode");
        String otherCode = register(otherEvent, unique("ola"), "Ola Nord").extract().path("ticketCode");
        assertThat(java.util.Set.of(inesCode, (String) leaTicket.path("ticketCode"), kimCode, otherCode)).hasSize(4);
        // Ines sees her ticket on her registration; the roll shows each one's.
        given().header("Authorization", Tokens.bearer("attendee", ines))
                .get("/api/events/{e}/registrations/{r}", eventId, inesId).then().statusCode(200)
                .body("ticketCode", equalTo(inesCode));
        asOrganizer("GET", "/api/events/{e}/roll", eventId).statusCode(200)
                .body("registrations.find { it.id == '" + inesId + "' }.ticketCode", equalTo(inesCode));

        // What the door may not do, and what is not a ticket.
        scan(Tokens.bearer("attendee", ines), eventId, inesCode).statusCode(403);
        scan(Tokens.bearer("organizer", "olivia@globex.example", "globex"), eventId, inesCode).statusCode(404);
        scan(Tokens.organizer(), eventId, "not-a-ticket").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ticketCode"));
        scan(Tokens.organizer(), eventId, 42).statusCode(400).body("errors[0].field", equalTo("ticketCode"));
        scan(Tokens.organizer(), eventId, UUID.randomUUID().toString().replace("-", "")).statusCode(404)
                .body("type", equalTo("https://convene.app/problems/ticket-not-found"));
        scan(Tokens.organizer(), eventId, otherCode).statusCode(404)
                .body("type", equalTo("https://convene.app/problems/ticket-not-found"));
        scan(Tokens.organizer(), eventId, kimCode).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/not-confirmed"))
                .body("detail", containsString("Kim Ito")).body("detail", containsString("WAITLISTED"));

        // Scanned (as a phone's camera may read it, in lower case): checked in and announced; a second scan is refused.
        scan(Tokens.organizer(), eventId, inesCode.toLowerCase(Locale.ROOT)).statusCode(200)
                .body("id", equalTo(inesId)).body("attendee.name", equalTo("Ines Berg"))
                .body("checkedInAt", notNullValue());
        scan(Tokens.organizer(), eventId, inesCode).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/already-checked-in"))
                .body("detail", containsString("Ines Berg"));
        assertThat(announced(eventId, "registration.attendee-checked-in.v2", 1))
                .anySatisfy(r -> assertThat(r.value()).contains(inesId));
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("checkedIn", equalTo(1));

        // Lea passes her place to Jan: her ticket no longer admits anyone, his does.
        String leaId = leaTicket.path("id");
        String leaCode = leaTicket.path("ticketCode");
        String jan = unique("jan");
        String janCode = given().header("Authorization", Tokens.bearer("attendee", lea)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", jan, "name", "Jan de Vries")))
                .post("/api/events/{e}/registrations/{r}/transfer", eventId, leaId).then().statusCode(200)
                .body("ticketCode", matchesPattern(HEX32)).extract().path("ticketCode");
        assertThat(janCode).isNotEqualTo(leaCode);
        scan(Tokens.organizer(), eventId, leaCode).statusCode(404)
                .body("type", equalTo("https://convene.app/problems/ticket-not-found"));
        scan(Tokens.organizer(), eventId, janCode).statusCode(200).body("attendee.name", equalTo("Jan de Vries"));
        asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("checkedIn", equalTo(2));
    }

    /** Two doors, one ticket: scanned at both at once (each request its own), it admits its holder once. */
    @Test
    void aTicketScannedAtSeveralDoorsAtOnceChecksItsHolderInOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID eventId = event("Open day " + round, 10);
            String code = register(eventId, unique("pia"), "Pia Ek").extract().path("ticketCode");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService doors = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int door = 0; door < 4; door++) {
                answers.add(doors.submit(() -> {
                    go.await();
                    return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("ticketCode", code)).post("/api/events/{e}/check-ins", eventId).then()
                            .extract().statusCode();
                }));
            }
            go.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            doors.shutdown();
            assertThat(statuses).as("round " + round).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
            asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("checkedIn", equalTo(1));
        }
    }
}
