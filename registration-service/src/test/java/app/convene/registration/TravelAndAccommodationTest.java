package app.convene.registration;

import static app.convene.registration.Api.announced;
import static app.convene.registration.Api.type;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Attendees and organizers give each registration's travel and accommodation; the organizers read the event's
 * figures, which registration.travel-needs-changed.v1 announces (figures only) whenever they move.
 */
@QuarkusTest
class TravelAndAccommodationTest {
    static final String TRAVEL = "/api/events/{e}/registrations/{r}/travel";
    static final String PROBLEM = "application/problem+json";

    /** A two-day conference in Stockholm, 14 March 2031 09:00 to 15 March 17:00 local time. */
    static UUID conference() {
        String id = Api.postEvent(Map.of("title", "Nordic partner days", "startsAt", "2031-03-14T08:00:00Z",
                "endsAt", "2031-03-15T16:00:00Z", "timeZone", "Europe/Stockholm", "capacity", 10)).statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    static ValidatableResponse putTravel(String bearer, UUID eventId, String registrationId, Object body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .put(TRAVEL, eventId, registrationId).then();
    }

    static String attendee(String email) {
        return Tokens.bearer("attendee", email);
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void threeAttendeesHotelNightsAndNeedsAddUpAndACancellationTakesItsShareAway() {
        UUID eventId = conference();
        String anna = Api.register(eventId, "anna@example.com", "Anna Berg").statusCode(201).extract().path("id");
        String bram = Api.register(eventId, "bram@example.com", "Bram de Vries").statusCode(201).extract().path("id");
        String carla = Api.register(eventId, "carla@example.com", "Carla Rossi").statusCode(201).extract().path("id");

        // Anna gives her own: by train the evening before, two hotel nights.
        putTravel(attendee("anna@example.com"), eventId, anna, Map.of("arrivalAt", "2031-03-13T18:30:00+01:00",
                "departureAt", "2031-03-15T18:00:00+01:00", "travelMode", "RAIL", "hotelCheckIn", "2031-03-13",
                "hotelCheckOut", "2031-03-15", "accessibilityNeeds", "Step-free access to the room",
                "dietaryNeeds", List.of("VEGETARIAN"))).statusCode(200)
                .body("hotelNights", equalTo(List.of("2031-03-13", "2031-03-14")))
                .body("updatedBy", equalTo("anna@example.com"));
        // Bram flies in within the same hour, one night.
        putTravel(attendee("bram@example.com"), eventId, bram, Map.of("arrivalAt", "2031-03-13T17:10:00Z",
                "travelMode", "AIR", "hotelCheckIn", "2031-03-14", "hotelCheckOut", "2031-03-15",
                "dietaryNeeds", List.of("VEGAN", "NUT_ALLERGY"))).statusCode(200);
        // The organizer gives Carla's: by car on the morning, three nights.
        putTravel(Tokens.organizer(), eventId, carla, Map.of("arrivalAt", "2031-03-14T08:15:00+01:00",
                "travelMode", "CAR", "hotelCheckIn", "2031-03-13", "hotelCheckOut", "2031-03-16",
                "dietaryNeeds", List.of("VEGETARIAN", "OTHER"), "dietaryNote", "No sesame")).statusCode(200)
                .body("updatedBy", equalTo("olivia.organizer@example.com"));

        var summary = given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId)
                .then().statusCode(200).body("timeZone", equalTo("Europe/Stockholm")).body("travellers", equalTo(3))
                .body("roomNights", equalTo(6)).body("accessibilityNeeds", equalTo(1)).extract().jsonPath();
        assertThat(summary.getList("roomsPerNight")).containsExactly(
                Map.of("night", "2031-03-13", "rooms", 2), Map.of("night", "2031-03-14", "rooms", 3),
                Map.of("night", "2031-03-15", "rooms", 1));
        assertThat(summary.getMap("travellersByMode.collectEntries { [it.mode, it.travellers] }")).isEqualTo(
                Map.of("AIR", 1, "RAIL", 1, "CAR", 1, "COACH", 0, "OTHER", 0, "NONE", 0));
        assertThat(summary.getMap("dietaryNeeds.findAll { it.attendees > 0 }.collectEntries { [it.need, "
                + "it.attendees] }")).isEqualTo(Map.of("VEGETARIAN", 2, "VEGAN", 1, "NUT_ALLERGY", 1, "OTHER", 1));
        assertThat(summary.getList("arrivalsPerHour")).containsExactly(
                Map.of("from", "2031-03-13T18:00:00+01:00", "arrivals", 2),
                Map.of("from", "2031-03-14T08:00:00+01:00", "arrivals", 1));

        Api.cancel(eventId, bram, "bram@example.com").statusCode(200);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .statusCode(200).body("travellers", equalTo(2)).body("roomNights", equalTo(5))
                .body("roomsPerNight.find { it.night == '2031-03-14' }.rooms", equalTo(2))
                .body("travellersByMode.find { it.mode == 'AIR' }.travellers", equalTo(0));
        // A cancelled registration's travel no longer changes, and it was not counted again.
        putTravel(attendee("bram@example.com"), eventId, bram, Map.of("travelMode", "RAIL")).statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/registration-cancelled"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announced(eventId).stream()
                .filter(r -> type(r).equals("registration.travel-needs-changed.v1"))).hasSize(4));
        List<ConsumerRecord<String, String>> announcements = announced(eventId).stream()
                .filter(r -> type(r).equals("registration.travel-needs-changed.v1")).toList();
        assertThat(announcements.stream().map(r -> json(r).get("sequence").asLong())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(announcements.stream().map(r -> json(r).get("roomNights").asInt())).containsExactly(2, 3, 6, 5);
        JsonNode last = json(announcements.get(3));
        assertThat(last.get("travellers").asInt()).isEqualTo(2);
        assertThat(last.get("accessibilityNeeds").asInt()).isEqualTo(1);
        assertThat(last.get("travellersByMode").toString()).isEqualTo(
                "[{\"mode\":\"RAIL\",\"travellers\":1},{\"mode\":\"CAR\",\"travellers\":1}]");
        assertThat(last.get("roomsPerNight").toString()).isEqualTo("[{\"night\":\"2031-03-13\",\"rooms\":2},"
                + "{\"night\":\"2031-03-14\",\"rooms\":2},{\"night\":\"2031-03-15\",\"rooms\":1}]");
        // Figures only: nobody is named, no need is described.
        assertThat(announcements).allSatisfy(r -> assertThat(r.value()).doesNotContain("anna@example.com")
                .doesNotContain("Bram").doesNotContain("Step-free").doesNotContain("sesame").doesNotContain(anna));
    }

    @Test
    void aWaitingAttendeesTravelCountsFromTheirPromotion() {
        String id = Api.postEvent(Map.of("title", "Small workshop", "startsAt", "2031-03-14T08:00:00Z",
                "endsAt", "2031-03-14T16:00:00Z", "timeZone", "Europe/Stockholm", "capacity", 1)).statusCode(201)
                .extract().path("id");
        UUID eventId = UUID.fromString(id);
        String hanna = Api.register(eventId, "hanna@example.com", "Hanna").statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        String ivan = Api.register(eventId, "ivan@example.com", "Ivan").statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");
        putTravel(attendee("hanna@example.com"), eventId, hanna, Map.of("travelMode", "RAIL")).statusCode(200);
        putTravel(attendee("ivan@example.com"), eventId, ivan, Map.of("travelMode", "AIR", "hotelCheckIn",
                "2031-03-13", "hotelCheckOut", "2031-03-15")).statusCode(200);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .body("travellers", equalTo(1)).body("roomNights", equalTo(0));

        // Hanna cancels: Ivan takes the seat, and his travel counts now.
        Api.cancel(eventId, hanna, "hanna@example.com").statusCode(200);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .body("travellers", equalTo(1)).body("roomNights", equalTo(2))
                .body("travellersByMode.find { it.mode == 'AIR' }.travellers", equalTo(1))
                .body("travellersByMode.find { it.mode == 'RAIL' }.travellers", equalTo(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announced(eventId).stream()
                .filter(r -> type(r).equals("registration.travel-needs-changed.v1"))
                .map(r -> json(r).get("roomNights").asInt())).containsExactly(0, 2));
    }

    @Test
    void anUnchangedArrangementAnnouncesNothingAndOnlyTheAttendeeAndTheOrganizersSeeIt() {
        UUID eventId = conference();
        String dag = Api.register(eventId, "dag@example.com", "Dag").statusCode(201).extract().path("id");
        Map<String, Object> body = Map.of("travelMode", "COACH", "hotelCheckIn", "2031-03-14",
                "hotelCheckOut", "2031-03-15");
        putTravel(attendee("dag@example.com"), eventId, dag, body).statusCode(200);
        putTravel(attendee("dag@example.com"), eventId, dag, body).statusCode(200);
        // Only the free text changed: the figures did not move.
        putTravel(attendee("dag@example.com"), eventId, dag, Map.of("travelMode", "COACH", "hotelCheckIn",
                "2031-03-14", "hotelCheckOut", "2031-03-15", "dietaryNote", "Prefers fish")).statusCode(200);

        given().header("Authorization", attendee("dag@example.com")).get(TRAVEL, eventId, dag).then()
                .statusCode(200).body("travelMode", equalTo("COACH")).body("dietaryNote", equalTo("Prefers fish"));
        given().header("Authorization", Tokens.organizer()).get(TRAVEL, eventId, dag).then().statusCode(200);
        given().header("Authorization", attendee("eve@example.com")).get(TRAVEL, eventId, dag).then()
                .statusCode(404);
        putTravel(attendee("eve@example.com"), eventId, dag, body).statusCode(404);
        given().header("Authorization", attendee("dag@example.com")).get("/api/events/{e}/travel-summary", eventId)
                .then().statusCode(403);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announced(eventId).stream()
                .map(Api::type)).contains("registration.travel-needs-changed.v1"));
        assertThat(announced(eventId).stream().filter(r -> type(r).equals("registration.travel-needs-changed.v1")))
                .hasSize(1);
    }

    @Test
    void tenAttendeesGivingTheirTravelAtOnceAreEachCountedOnceInNumberedAnnouncements() throws Exception {
        UUID eventId = conference();
        int people = 10;
        List<String> registrations = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            registrations.add(Api.register(eventId, "racer" + i + "@example.com", "Racer").statusCode(201).extract()
                    .path("id"));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(people);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            String email = "racer" + i + "@example.com";
            String registration = registrations.get(i);
            answers.add(pool.submit(() -> {
                start.await();
                return putTravel(attendee(email), eventId, registration, Map.of("travelMode", "RAIL",
                        "hotelCheckIn", "2031-03-14", "hotelCheckOut", "2031-03-15")).extract().statusCode();
            }));
        }
        start.countDown();
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();

        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .statusCode(200).body("travellers", equalTo(people)).body("roomNights", equalTo(people));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announced(eventId).stream()
                .filter(r -> type(r).equals("registration.travel-needs-changed.v1"))).hasSize(people));
        // One change at a time: each announcement one room night more than the one before, numbered without gaps.
        List<JsonNode> announcements = announced(eventId).stream()
                .filter(r -> type(r).equals("registration.travel-needs-changed.v1")).map(
                        TravelAndAccommodationTest::json).toList();
        assertThat(announcements.stream().map(a -> a.get("sequence").asInt()))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, people).boxed().toList());
        assertThat(announcements.stream().map(a -> a.get("roomNights").asInt()))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, people).boxed().toList());
    }

    @Test
    void theTravelIsInThePersonsExportAndAnErasureTakesItsFreeTextButKeepsTheFigures() {
        UUID eventId = conference();
        String gail = "gail." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String registration = Api.register(eventId, gail, "Gail").statusCode(201).extract().path("id");
        putTravel(attendee(gail), eventId, registration, Map.of("travelMode", "AIR", "accessibilityNeeds",
                "Guide dog comes along", "dietaryNeeds", List.of("OTHER"), "dietaryNote", "No shellfish"))
                .statusCode(200);
        String officer = Tokens.bearer("privacy-officer", "pia@example.com");
        given().header("Authorization", officer).get("/api/privacy/people/{email}", gail).then().statusCode(200)
                .body("registrations[0].travel.travelMode", equalTo("AIR"))
                .body("registrations[0].travel.accessibilityNeeds", equalTo("Guide dog comes along"))
                .body("registrations[0].travel.dietaryNote", equalTo("No shellfish"));

        given().header("Authorization", officer).header("Idempotency-Key", "erase-" + gail)
                .contentType(ContentType.JSON).body(Map.of("email", gail)).post("/api/privacy/erasures").then()
                .statusCode(202);
        given().header("Authorization", Tokens.organizer()).get(TRAVEL, eventId, registration).then()
                .statusCode(200).body("travelMode", equalTo("AIR")).body("accessibilityNeeds", equalTo("erased"))
                .body("dietaryNote", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .body("travellers", equalTo(1)).body("accessibilityNeeds", equalTo(1))
                .body("dietaryNeeds.find { it.need == 'OTHER' }.attendees", equalTo(1));
    }

    @Test
    void badTravelIsRefusedNamingTheFieldAndNothingIsWritten() {
        UUID eventId = conference();
        String finn = Api.register(eventId, "finn@example.com", "Finn").statusCode(201).extract().path("id");
        String bearer = attendee("finn@example.com");

        putTravel(bearer, eventId, finn, Map.of("arrivalAt", "2031-03-14T12:00:00+01:00",
                "departureAt", "2031-03-14T11:00:00+01:00")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("departureAt"))
                .body("errors[0].message", equalTo("must be after arrivalAt"));
        putTravel(bearer, eventId, finn, Map.of("hotelCheckIn", "2031-03-14")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("hotelCheckOut"));
        putTravel(bearer, eventId, finn, Map.of("hotelCheckIn", "2031-01-10", "hotelCheckOut", "2031-01-12"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("hotelCheckIn"));
        putTravel(bearer, eventId, finn, Map.of("hotelCheckIn", "2031-03-15", "hotelCheckOut", "2031-03-15"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("hotelCheckOut"));
        putTravel(bearer, eventId, finn, Map.of("arrivalAt", "2031-03-16T10:00:00+01:00")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("arrivalAt"));
        putTravel(bearer, eventId, finn, Map.of("travelMode", "TELEPORT")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("travelMode"))
                .body("errors[0].message", containsString("AIR, RAIL, CAR, COACH, OTHER, NONE"));
        putTravel(bearer, eventId, finn, Map.of("dietaryNeeds", List.of("VEGAN", "CARNIVORE"))).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", startsWith("dietaryNeeds"));
        putTravel(bearer, eventId, finn, Map.of("dietaryNeeds", List.of("OTHER"))).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("dietaryNote"));
        putTravel(bearer, eventId, finn, Map.of("accessibilityNeeds", "x".repeat(501))).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("accessibilityNeeds"));
        Map<String, Object> unknown = new HashMap<>(Map.of("travelMode", "RAIL", "seat", "window"));
        putTravel(bearer, eventId, finn, unknown).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("seat"));

        given().header("Authorization", bearer).get(TRAVEL, eventId, finn).then().statusCode(404)
                .contentType(PROBLEM);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/travel-summary", eventId).then()
                .statusCode(200).body("travellers", equalTo(0)).body("roomNights", equalTo(0));
    }
}
