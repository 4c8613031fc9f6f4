package app.convene.registration;

import static app.convene.registration.Api.announced;
import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static app.convene.registration.Api.type;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * An attendee's details are corrected after registering (a name, a dietary need, a language, an address mistyped),
 * and a place is transferred to a colleague who goes instead, keeping its seat, its place on the waiting list and its
 * session seats.
 */
@QuarkusTest
class AttendeeChangesTest {
    private static final String CHANGED = "registration.attendee-changed.v1";

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static UUID event(String title, int capacity, Duration startsIn) {
        return UUID.fromString(Api.postEvent(eventBody(title, capacity, startsIn, Map.of())).statusCode(201)
                .extract().path("id"));
    }

    private static void askMenu(UUID eventId) {
        asOrganizerWith(Map.of("key", "menu", "label", "Menu", "kind", "CHOICE", "required", true,
                "choices", List.of("meat", "fish", "vegan")), "/api/events/{e}/questions", eventId).statusCode(201);
    }

    private static ValidatableResponse asOrganizerWith(Object body, String path, Object... params) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .post(path, params).then();
    }

    private static String registerWithMenu(UUID eventId, String email, String menu) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "First Name", "organisation", "Old AB",
                        "answers", Map.of("menu", menu))))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse correct(String token, UUID eventId, String registrationId, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .patch("/api/events/{e}/registrations/{r}", eventId, registrationId).then();
    }

    private static ValidatableResponse transfer(String token, UUID eventId, String registrationId,
            Map<String, Object> attendee) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("attendee", attendee))
                .post("/api/events/{e}/registrations/{r}/transfer", eventId, registrationId).then();
    }

    private static ValidatableResponse read(String token, UUID eventId, String registrationId) {
        return given().header("Authorization", token)
                .get("/api/events/{e}/registrations/{r}", eventId, registrationId).then();
    }

    private static List<JsonNode> changes(UUID eventId, int atLeast) {
        return announced(eventId, CHANGED, atLeast).stream().map(TravelAndAccommodationTest::json).toList();
    }

    @Test
    void anAttendeeCorrectsTheirNameAnswersAndLanguageAndNothingElseMoves() {
        UUID eventId = event("Partner summit", 10, Duration.ofDays(30));
        askMenu(eventId);
        String ada = unique("ada");
        String token = Tokens.bearer("attendee", ada);
        String registration = registerWithMenu(eventId, ada, "meat");

        // A name spelled as on the passport, the organisation cleared, another menu: nobody else is told.
        correct(token, eventId, registration, Map.of("name", "Ada Lindqvist-Berg", "organisation", "",
                "answers", Map.of("menu", "vegan"))).statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("attendee.email", equalTo(ada))
                .body("attendee.name", equalTo("Ada Lindqvist-Berg")).body("attendee.organisation", nullValue())
                .body("attendee.answers.menu", equalTo("vegan")).body("attendee.language", equalTo("en"));
        asOrganizer("GET", "/api/events/{e}/roll", eventId).statusCode(200)
                .body("registrations.find { it.id == '" + registration + "' }.attendee.name",
                        equalTo("Ada Lindqvist-Berg"));

        // Her language is announced, for the mail written to her from now on.
        correct(token, eventId, registration, Map.of("language", "sv")).statusCode(200)
                .body("attendee.language", equalTo("sv")).body("attendee.name", equalTo("Ada Lindqvist-Berg"));
        JsonNode changed = changes(eventId, 1).get(0);
        assertThat(changed.get("registrationId").asText()).isEqualTo(registration);
        assertThat(changed.get("attendeeEmail").asText()).isEqualTo(ada);
        assertThat(changed.get("language").asText()).isEqualTo("sv");
        assertThat(changed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(changed.get("transferred").asBoolean()).isFalse();
        assertThat(changed.has("attendeeName")).isFalse();

        // Every broken rule is named, and nothing of such a change is kept.
        correct(token, eventId, registration, Map.of("answers", Map.of("menu", "chips"))).statusCode(400)
                .body("errors[0].field", equalTo("answers.menu"));
        correct(token, eventId, registration, Map.of("answers", Map.of())).statusCode(400)
                .body("errors[0].field", equalTo("answers.menu")).body("errors[0].message", equalTo("is required"));
        correct(token, eventId, registration, Map.of("name", " ", "answers", Map.of("menu", "fish")))
                .statusCode(400).body("errors[0].field", equalTo("name"));
        correct(token, eventId, registration, Map.of("language", "de")).statusCode(400)
                .body("errors[0].field", equalTo("language"));
        correct(token, eventId, registration, Map.of("nickname", "Ada")).statusCode(400)
                .body("errors[0].field", equalTo("nickname"));
        // Her address is the one she signs in with: an organizer corrects it, or she transfers the place.
        correct(token, eventId, registration, Map.of("email", unique("ada.private"), "name", "Ada L"))
                .statusCode(400).body("errors[0].field", equalTo("email"))
                .body("errors[0].message", containsString("transfer"));
        read(token, eventId, registration).statusCode(200).body("attendee.name", equalTo("Ada Lindqvist-Berg"))
                .body("attendee.answers.menu", equalTo("vegan")).body("attendee.email", equalTo(ada));

        // Nobody else may: another attendee, an organizer who is not the event's, another organisation.
        correct(Tokens.bearer("attendee", unique("eve")), eventId, registration, Map.of("name", "Eve"))
                .statusCode(404);
        correct(Tokens.bearer("organizer", unique("colleague")), eventId, registration, Map.of("name", "Eve"))
                .statusCode(403);
        correct(Tokens.bearer("organizer", "olivia.organizer@example.com",
                "globex"), eventId, registration, Map.of("name", "Eve")).statusCode(404);
        assertThat(announced(eventId).stream().filter(r -> type(r).equals(CHANGED))).hasSize(1);
    }

    @Test
    void anOrganizerCorrectsAMistypedAddressButNotToOneAlreadyRegistered() {
        UUID eventId = event("Supplier day", 10, Duration.ofDays(30));
        String typo = unique("bram");
        String right = unique("bram.right");
        String other = unique("carla");
        String bram = Api.organizerRegisters(eventId, typo, "Bram").statusCode(201).extract().path("id");
        String carla = Api.organizerRegisters(eventId, other, "Carla").statusCode(201).extract().path("id");

        // Another attendee's address (in other letters' case) holds a place already: the organizer is told whose.
        correct(Tokens.organizer(), eventId, bram, Map.of("email", other.toUpperCase(), "name", "Bram B"))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/already-registered"))
                .body("detail", containsString(carla));
        read(Tokens.organizer(), eventId, bram).body("attendee.email", equalTo(typo))
                .body("attendee.name", equalTo("Bram"));

        correct(Tokens.organizer(), eventId, bram, Map.of("email", right)).statusCode(200)
                .body("attendee.email", equalTo(right)).body("attendee.name", equalTo("Bram"))
                .body("status", equalTo("CONFIRMED"));
        // The registration is now his: he reads it, the mistyped address no longer does.
        read(Tokens.bearer("attendee", right), eventId, bram).statusCode(200);
        read(Tokens.bearer("attendee", typo), eventId, bram).statusCode(404);
        JsonNode changed = changes(eventId, 1).get(0);
        assertThat(changed.get("attendeeEmail").asText()).isEqualTo(right);
        assertThat(changed.get("transferred").asBoolean()).isFalse();
        assertThat(changed.get("position").isNull()).isTrue();
        // The mistyped address is free again: someone who really has it may register.
        Api.register(eventId, typo, "Someone Else").statusCode(201);
    }

    @Test
    void aColleagueTakesOverAPlaceWithItsSeatsAndPlaceInLine() {
        UUID eventId = event("Leadership offsite", 1, Duration.ofDays(30));
        askMenu(eventId);
        String lab = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(eventSession(eventId)).post("/api/events/{e}/sessions", eventId).then().statusCode(201)
                .extract().path("id");
        String xena = unique("xena");
        String yann = unique("yann");
        String zoe = unique("zoe");
        String seated = given().header("Authorization", Tokens.bearer("attendee", xena)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", xena, "name", "Xena", "answers", Map.of("menu", "fish")),
                        "sessionIds", List.of(lab)))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        String first = registerWithMenu(eventId, yann, "meat");
        String second = registerWithMenu(eventId, zoe, "meat");
        read(Tokens.organizer(), eventId, second).body("waitlistPosition", equalTo(2));
        TravelAndAccommodationTest.putTravel(Tokens.bearer("attendee", xena), eventId, seated,
                Map.of("travelMode", "AIR", "dietaryNote", "No shellfish")).statusCode(200);

        // Xena cannot go: her colleague Wim takes her seat, her session seat, and answers for himself.
        String wim = unique("wim");
        Map<String, Object> wimself = Map.of("email", wim, "name", "Wim", "language", "nl",
                "answers", Map.of("menu", "vegan"));
        transfer(Tokens.bearer("attendee", xena), eventId, seated, wimself).statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("attendee.email", equalTo(wim))
                .body("attendee.name", equalTo("Wim")).body("attendee.answers.menu", equalTo("vegan"))
                .body("attendee.language", equalTo("nl")).body("attendee.organisation", nullValue())
                .body("sessions[0].status", equalTo("SEATED"));
        asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(1)).body("waitlisted", equalTo(2));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).body("confirmed", equalTo(1));
        read(Tokens.bearer("attendee", wim), eventId, seated).statusCode(200);
        read(Tokens.bearer("attendee", xena), eventId, seated).statusCode(404);
        // Her travel arrangement was hers: it is gone, and the event's figures no longer count it.
        TravelAndAccommodationTest.putTravel(Tokens.bearer("attendee", xena), eventId, seated,
                Map.of("travelMode", "RAIL")).statusCode(404);
        asOrganizer("GET", "/api/events/{e}/registrations/{r}/travel", eventId, seated).statusCode(404);
        asOrganizer("GET", "/api/events/{e}/travel-summary", eventId).body("travellers", equalTo(0));

        // Zoe, second in line, hands her place in line to Vera: Vera is second, Yann still first.
        String vera = unique("vera");
        transfer(Tokens.organizer(), eventId, second, Map.of("email", vera, "name", "Vera",
                "answers", Map.of("menu", "fish"))).statusCode(200).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(2)).body("attendee.language", equalTo("en"));
        read(Tokens.organizer(), eventId, first).body("waitlistPosition", equalTo(1))
                .body("attendee.email", equalTo(yann));

        List<JsonNode> changed = changes(eventId, 2);
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0).get("registrationId").asText()).isEqualTo(seated);
        assertThat(changed.get(0).get("attendeeEmail").asText()).isEqualTo(wim);
        assertThat(changed.get(0).get("language").asText()).isEqualTo("nl");
        assertThat(changed.get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(changed.get(0).get("transferred").asBoolean()).isTrue();
        assertThat(changed.get(1).get("attendeeEmail").asText()).isEqualTo(vera);
        assertThat(changed.get(1).get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(changed.get(1).get("position").asInt()).isEqualTo(2);
        // The travel figures lost Xena's flight: announced again, as figures.
        List<ConsumerRecord<String, String>> travel = announced(eventId,
                "registration.travel-needs-changed.v1", 2);
        assertThat(TravelAndAccommodationTest.json(travel.get(travel.size() - 1)).get("travellers").asInt())
                .isZero();
        // A promotion follows the place: Wim cancels, Yann is promoted, Vera is first in line.
        given().header("Authorization", Tokens.bearer("attendee", wim))
                .post("/api/events/{e}/registrations/{r}/cancel", eventId, seated).then().statusCode(200);
        read(Tokens.organizer(), eventId, first).body("status", equalTo("CONFIRMED"));
        read(Tokens.organizer(), eventId, second).body("waitlistPosition", equalTo(1));
    }

    private static Map<String, Object> eventSession(UUID eventId) {
        var event = asOrganizer("GET", "/api/events/{e}", eventId).extract();
        return Map.of("title", "Lab", "startsAt", event.path("startsAt"), "endsAt", event.path("endsAt"),
                "capacity", 5);
    }

    @Test
    void aTransferThatBreaksARuleIsNamedAndChangesNothing() {
        UUID eventId = event("Board dinner", 10, Duration.ofDays(30));
        String ina = unique("ina");
        String jon = unique("jon");
        String ines = Api.register(eventId, ina, "Ina").statusCode(201).extract().path("id");
        Api.register(eventId, jon, "Jon").statusCode(201);

        transfer(Tokens.bearer("attendee", ina), eventId, ines, Map.of("email", ina.toUpperCase(), "name", "Ina"))
                .statusCode(400).body("errors[0].field", equalTo("attendee.email"));
        transfer(Tokens.bearer("attendee", ina), eventId, ines, Map.of("email", "not-an-address", "name", "X"))
                .statusCode(400).body("errors[0].field", equalTo("attendee.email"));
        transfer(Tokens.bearer("attendee", ina), eventId, ines, Map.of("email", unique("kai")))
                .statusCode(400).body("errors[0].field", equalTo("attendee.name"));
        // Jon is registered already: an attendee is told only that.
        transfer(Tokens.bearer("attendee", ina), eventId, ines, Map.of("email", jon, "name", "Jon"))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/already-registered"));
        transfer(Tokens.bearer("attendee", jon), eventId, ines, Map.of("email", unique("kai"), "name", "Kai"))
                .statusCode(404);
        read(Tokens.bearer("attendee", ina), eventId, ines).statusCode(200).body("attendee.name", equalTo("Ina"));

        // Checked in: the person present holds the place.
        asOrganizer("POST", "/api/events/{e}/registrations/{r}/check-in", eventId, ines).statusCode(200);
        transfer(Tokens.organizer(), eventId, ines, Map.of("email", unique("kai"), "name", "Kai")).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-checked-in"));
        asOrganizer("DELETE", "/api/events/{e}/registrations/{r}/check-in", eventId, ines).statusCode(200);

        // Cancelled: there is no place left to pass on.
        Api.cancel(eventId, ines, ina).statusCode(200);
        transfer(Tokens.organizer(), eventId, ines, Map.of("email", unique("kai"), "name", "Kai")).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-cancelled"));
        correct(Tokens.organizer(), eventId, ines, Map.of("name", "Ina I")).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-cancelled"));

        // Once the event has started an attendee no longer transfers; its organizers still may until it ends.
        UUID started = event("Morning workshop", 10, Duration.ofHours(-1));
        String leo = unique("leo");
        String leon = Api.organizerRegisters(started, leo, "Leo").statusCode(201).extract().path("id");
        transfer(Tokens.bearer("attendee", leo), started, leon, Map.of("email", unique("max"), "name", "Max"))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/event-started"));
        transfer(Tokens.organizer(), started, leon, Map.of("email", unique("max"), "name", "Max"))
                .statusCode(200).body("attendee.name", equalTo("Max"));
        assertThat(announced(eventId).stream().filter(r -> type(r).equals(CHANGED))).isEmpty();
    }

    /**
     * Two attendees transfer their places to the same colleague while the colleague registers: exactly one of the
     * three gives them a place, the others are told it is taken and keep theirs.
     */
    @Test
    void oneAddressNeverHoldsTwoPlacesWhateverRacesToGiveItOne() throws Exception {
        UUID eventId = event("Strategy day", 10, Duration.ofDays(30));
        for (int round = 0; round < 4; round++) {
            String colleague = unique("nora");
            List<String> holders = new ArrayList<>();
            List<String> registrations = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String holder = unique("holder" + i);
                holders.add(holder);
                registrations.add(Api.register(eventId, holder, "Holder " + i).statusCode(201).extract().path("id"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String holder = holders.get(i);
                String registration = registrations.get(i);
                racers.add(() -> {
                    go.await();
                    return transfer(Tokens.bearer("attendee", holder), eventId, registration,
                            Map.of("email", colleague, "name", "Nora")).extract().statusCode();
                });
            }
            racers.add(() -> {
                go.await();
                return Api.register(eventId, colleague, "Nora").extract().statusCode();
            });
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> racer : racers) {
                answers.add(pool.submit(racer));
            }
            go.countDown();
            Map<Integer, Integer> counted = new HashMap<>();
            for (Future<Integer> answer : answers) {
                counted.merge(answer.get(), 1, Integer::sum);
            }
            pool.shutdown();
            int given = counted.getOrDefault(200, 0) + counted.getOrDefault(201, 0);
            assertThat(given).as("places given to one address: %s", counted).isEqualTo(1);
            assertThat(counted.get(409)).as("refused: %s", counted).isEqualTo(2);
            // Whoever lost keeps their own place.
            int kept = 0;
            for (int i = 0; i < 2; i++) {
                String email = read(Tokens.organizer(), eventId, registrations.get(i)).statusCode(200)
                        .extract().path("attendee.email");
                kept += email.equals(holders.get(i)) ? 1 : 0;
            }
            assertThat(kept).isEqualTo(counted.getOrDefault(201, 0) == 1 ? 2 : 1);
        }
    }
}
