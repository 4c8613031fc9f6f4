package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static app.convene.registration.Api.eventBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * An organizer changes a session after people chose it (its title, times, seats and speakers), and moves the event
 * the sessions belong to.
 */
@QuarkusTest
class SessionChangesTest {
    private final Instant start = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);

    private UUID event(String title, int capacity) {
        return UUID.fromString(Api.postEvent(eventBody(title, capacity, Duration.ZERO, Map.of("startsAt",
                start.toString(), "endsAt", start.plus(Duration.ofHours(8)).toString()))).statusCode(201)
                .extract().path("id"));
    }

    private String session(UUID eventId, String title, int fromMinute, int toMinute, int capacity) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "startsAt", start.plus(Duration.ofMinutes(fromMinute)).toString(),
                        "endsAt", start.plus(Duration.ofMinutes(toMinute)).toString(), "capacity", capacity,
                        "speakers", List.of(Map.of("email", "sam@example.com", "name", "Sam Speaker"))))
                .post("/api/events/{e}/sessions", eventId).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse change(String token, UUID eventId, String sessionId, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .patch("/api/events/{e}/sessions/{s}", eventId, sessionId).then();
    }

    private static ValidatableResponse changeEvent(UUID eventId, Object body) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON).body(body)
                .patch("/api/events/{e}", eventId).then();
    }

    private static ValidatableResponse register(UUID eventId, String email, String sessionId) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", email), "sessionIds", List.of(sessionId)))
                .post("/api/events/{e}/registrations", eventId).then();
    }

    private String at(int minute) {
        return start.plus(Duration.ofMinutes(minute)).toString();
    }

    @Test
    void anOrganizerChangesASessionPeopleChoseAndTheirSeatsHold() {
        UUID eventId = event("Product day", 50);
        String lab = session(eventId, "Lab", 60, 120, 2);
        register(eventId, "ria@example.com", lab).statusCode(201).body("sessions[0].status", equalTo("SEATED"));
        register(eventId, "sol@example.com", lab).statusCode(201).body("sessions[0].status", equalTo("SEATED"));

        // Two seats are held: the capacity cannot go below them, and nothing else of that change is kept either.
        change(Tokens.organizer(), eventId, lab, Map.of("title", "Lab (smaller)", "capacity", 1)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-seats-held"))
                .body("detail", containsString("the 2 seats held"));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).statusCode(200)
                .body("title", equalTo("Lab")).body("capacity", equalTo(2)).body("confirmed", equalTo(2));

        // A bigger room, a later slot and another speaker: the seats stay held, and a third attendee gets one.
        change(Tokens.organizer(), eventId, lab, Map.of("title", "Hands-on lab", "startsAt", at(180), "endsAt",
                at(270), "capacity", 3, "speakers", List.of(Map.of("email", "kim@example.com", "name", "Kim Host"))))
                .statusCode(200).body("title", equalTo("Hands-on lab")).body("startsAt", equalTo(at(180)))
                .body("endsAt", equalTo(at(270))).body("capacity", equalTo(3)).body("confirmed", equalTo(2))
                .body("seatsLeft", equalTo(1)).body("speakers.email", equalTo(List.of("kim@example.com")));
        register(eventId, "tom@example.com", lab).statusCode(201).body("sessions[0].title", equalTo("Hands-on lab"))
                .body("sessions[0].status", equalTo("SEATED"));
        register(eventId, "uma@example.com", lab).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-full"));

        // Fields left out (or null) keep their value; an empty list of speakers leaves it without one.
        Map<String, Object> onlySpeakers = new HashMap<>();
        onlySpeakers.put("speakers", List.of());
        onlySpeakers.put("title", null);
        change(Tokens.organizer(), eventId, lab, onlySpeakers).statusCode(200).body("title", equalTo("Hands-on lab"))
                .body("capacity", equalTo(3)).body("speakers", empty());
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).body("speakers", empty())
                .body("startsAt", equalTo(at(180)));
    }

    @Test
    void aChangeThatBreaksARuleIsNamedAndChangesNothing() {
        UUID eventId = event("Rules day", 50);
        String talk = session(eventId, "Talk", 0, 60, 10);
        change(Tokens.organizer(), eventId, talk, Map.of("endsAt", start.plus(Duration.ofHours(9)).toString()))
                .statusCode(400).body("errors[0].field", equalTo("endsAt"))
                .body("errors[0].message", containsString("within the event"));
        change(Tokens.organizer(), eventId, talk, Map.of("startsAt", start.minus(Duration.ofMinutes(5)).toString()))
                .statusCode(400).body("errors[0].field", equalTo("startsAt"));
        change(Tokens.organizer(), eventId, talk, Map.of("startsAt", at(60))).statusCode(400)
                .body("errors[0].field", equalTo("endsAt")).body("errors[0].message", equalTo("must be after startsAt"));
        change(Tokens.organizer(), eventId, talk, Map.of("title", "   ")).statusCode(400)
                .body("errors[0].field", equalTo("title"));
        change(Tokens.organizer(), eventId, talk, Map.of("title", "Renamed", "speakers", List.of(
                Map.of("email", "ann@example.com", "name", "Ann"), Map.of("email", "ANN@example.com", "name", "Ann"))))
                .statusCode(400).body("errors[0].field", equalTo("speakers[1].email"));
        change(Tokens.organizer(), eventId, talk, Map.of("capacity", -1)).statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
        change(Tokens.organizer(), eventId, talk, Map.of("room", "B")).statusCode(400)
                .body("errors[0].field", equalTo("room"));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, talk).body("title", equalTo("Talk"))
                .body("startsAt", equalTo(at(0))).body("speakers.email", equalTo(List.of("sam@example.com")));

        // Who may not change it: a colleague who is no member of the event, an attendee, another organisation.
        change(Tokens.bearer("organizer", "colleague@example.com"), eventId, talk, Map.of("capacity", 1))
                .statusCode(403);
        change(Tokens.bearer("attendee", "ria@example.com"), eventId, talk, Map.of("capacity", 1)).statusCode(403);
        change(Tokens.bearer("organizer", "gus@globex.example", "globex"), eventId, talk, Map.of("capacity", 1))
                .statusCode(404);
        change(Tokens.organizer(), eventId, UUID.randomUUID().toString(), Map.of("capacity", 1)).statusCode(404);
        change(Tokens.organizer(), event("Elsewhere", 5), talk, Map.of("capacity", 1)).statusCode(404);

        asOrganizer("POST", "/api/events/{e}/cancel", eventId).statusCode(200);
        change(Tokens.organizer(), eventId, talk, Map.of("capacity", 1)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/event-cancelled"));
    }

    @Test
    void anEventMovedAsAWholeTakesItsSessionsAlongAndNoneIsLeftOutside() {
        UUID eventId = event("Moving day", 50);
        String keynote = session(eventId, "Keynote", 0, 60, 10);
        String lab = session(eventId, "Lab", 300, 420, 10);
        register(eventId, "vic@example.com", lab).statusCode(201);

        // A week later, the same hours: the sessions keep their place in the day, the seat its holder.
        Duration week = Duration.ofDays(7);
        changeEvent(eventId, Map.of("startsAt", start.plus(week).toString(),
                "endsAt", start.plus(week).plus(Duration.ofHours(8)).toString())).statusCode(200);
        asOrganizer("GET", "/api/events/{e}/sessions", eventId).statusCode(200)
                .body("title", equalTo(List.of("Keynote", "Lab")))
                .body("startsAt", equalTo(List.of(start.plus(week).toString(),
                        start.plus(week).plus(Duration.ofMinutes(300)).toString())))
                .body("endsAt[1]", equalTo(start.plus(week).plus(Duration.ofMinutes(420)).toString()))
                .body("confirmed[1]", equalTo(1));

        // Starting an hour later would leave the keynote before the start: refused, nothing moves.
        changeEvent(eventId, Map.of("startsAt", start.plus(week).plus(Duration.ofHours(1)).toString()))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/session-outside-event"))
                .body("detail", containsString(keynote)).body("detail", containsString("Keynote"));
        // Ending at 13:00 would cut the lab off.
        changeEvent(eventId, Map.of("endsAt", start.plus(week).plus(Duration.ofHours(5)).toString()))
                .statusCode(409).body("detail", containsString(lab));
        asOrganizer("GET", "/api/events/{e}", eventId).body("startsAt", equalTo(start.plus(week).toString()))
                .body("endsAt", equalTo(start.plus(week).plus(Duration.ofHours(8)).toString()));

        // A longer day (an earlier start, the same end) leaves the sessions where they are.
        changeEvent(eventId, Map.of("startsAt", start.plus(week).minus(Duration.ofHours(1)).toString()))
                .statusCode(200);
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, keynote)
                .body("startsAt", equalTo(start.plus(week).toString()));
        // Once the keynote is moved, the day may start with it.
        change(Tokens.organizer(), eventId, keynote, Map.of("startsAt", start.plus(week).minus(Duration.ofHours(1))
                .toString(), "endsAt", start.plus(week).toString())).statusCode(200);
        changeEvent(eventId, Map.of("endsAt", start.plus(week).plus(Duration.ofHours(7)).toString())).statusCode(200);
    }

    private static ValidatableResponse choose(String email, UUID eventId, String registrationId, String... sessionIds) {
        return given().header("Authorization", Tokens.bearer("attendee", email)).contentType(ContentType.JSON)
                .body(Map.of("sessionIds", List.of(sessionIds)))
                .put("/api/events/{e}/registrations/{r}/sessions", eventId, registrationId).then();
    }

    private static String seated(ValidatableResponse registration) {
        return registration.extract().path("sessions.findAll { it.status == 'SEATED' }.title").toString();
    }

    @Test
    void anAttendeeSwitchesSessionsAndKeepsTheirSeatAtTheEvent() {
        UUID eventId = event("Switch day", 2);
        String keynote = session(eventId, "Keynote", 0, 60, 1);
        String lab = session(eventId, "Lab", 60, 120, 2);
        String panel = session(eventId, "Panel", 120, 180, 1);
        String ria = register(eventId, "ria@example.com", keynote).statusCode(201).extract().path("id");
        String sol = register(eventId, "sol@example.com", panel).statusCode(201).extract().path("id");
        String tom = register(eventId, "tom@example.com", keynote).statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("sessions[0].status", equalTo("WAITING")).extract()
                .path("id");

        // Ria swaps the keynote for the lab: its seat goes back at once, and Sol takes it.
        assertThat(seated(choose("ria@example.com", eventId, ria, lab).statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("sessions.find { it.title == 'Keynote' }.status",
                        equalTo("DROPPED")))).isEqualTo("[Lab]");
        assertThat(seated(choose("sol@example.com", eventId, sol, panel, keynote).statusCode(200)))
                .isEqualTo("[Keynote, Panel]");
        // The keynote is full again: adding it refuses the whole change, the lab seat stays Ria's.
        choose("ria@example.com", eventId, ria, lab, keynote).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-full"))
                .body("detail", containsString("Keynote"));
        assertThat(seated(asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, ria))).isEqualTo("[Lab]");
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).body("confirmed", equalTo(1));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, keynote).body("confirmed", equalTo(1));

        // Tom, waiting for a seat at the event, changes his mind: his choice waits for his promotion.
        choose("tom@example.com", eventId, tom, lab).statusCode(200).body("status", equalTo("WAITLISTED"))
                .body("sessions.find { it.title == 'Lab' }.status", equalTo("WAITING"))
                .body("sessions.find { it.title == 'Keynote' }.status", equalTo("DROPPED"));
        Api.cancel(eventId, sol, "sol@example.com").statusCode(200);
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, tom).body("status", equalTo("CONFIRMED"))
                .body("sessions.find { it.title == 'Lab' }.status", equalTo("SEATED"));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).body("confirmed", equalTo(2));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, keynote).body("confirmed", equalTo(0));

        // An empty list leaves Ria in no session; an organizer of the event may choose for her.
        assertThat(seated(choose("ria@example.com", eventId, ria).statusCode(200))).isEqualTo("[]");
        assertThat(seated(given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("sessionIds", List.of(keynote))).put("/api/events/{e}/registrations/{r}/sessions",
                        eventId, ria).then().statusCode(200))).isEqualTo("[Keynote]");

        // Broken rules are named; someone else's registration is not found; a cancelled one attends nothing.
        choose("ria@example.com", eventId, ria, keynote, keynote).statusCode(400)
                .body("errors[0].field", equalTo("sessionIds[1]"));
        choose("ria@example.com", eventId, ria, session(event("Elsewhere", 5), "Elsewhere", 0, 30, 5)).statusCode(400)
                .body("errors[0].field", equalTo("sessionIds[0]"));
        choose("tom@example.com", eventId, ria, lab).statusCode(404);
        given().header("Authorization", Tokens.bearer("organizer", "colleague@example.com"))
                .contentType(ContentType.JSON).body(Map.of("sessionIds", List.of()))
                .put("/api/events/{e}/registrations/{r}/sessions", eventId, ria).then().statusCode(403);
        choose("sol@example.com", eventId, sol, lab).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/registration-cancelled"));
        assertThat(seated(asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, ria)))
                .isEqualTo("[Keynote]");
    }

    @Test
    void attendeesSwitchingIntoTheLastSeatAtOnceGetItOnce() throws Exception {
        UUID eventId = event("Last seat", 50);
        String opening = session(eventId, "Opening", 0, 30, 20);
        String masterclass = session(eventId, "Masterclass", 60, 120, 1);
        int people = 8;
        List<String> registrations = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            registrations.add(register(eventId, "switch" + i + "@example.com", opening).statusCode(201).extract()
                    .path("id"));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Integer>> switches = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "switch" + i + "@example.com";
                String registrationId = registrations.get(i);
                switches.add(pool.submit(() -> {
                    go.await();
                    return choose(email, eventId, registrationId, masterclass).extract().statusCode();
                }));
            }
            go.countDown();
            int switched = 0;
            for (Future<Integer> attempt : switches) {
                int status = attempt.get();
                assertThat(status).isIn(200, 409);
                switched += status == 200 ? 1 : 0;
            }
            assertThat(switched).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, masterclass).body("confirmed", equalTo(1));
        // The one who switched gave up the opening; the others kept it.
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, opening).body("confirmed", equalTo(people - 1));
    }

    @Test
    void loweringASessionsCapacityWhileAttendeesTakeItsSeatsNeverOversells() throws Exception {
        UUID eventId = event("Race day", 100);
        String workshop = session(eventId, "Workshop", 60, 120, 8);
        int people = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people + 1);
        try {
            List<Future<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "racer" + i + "@example.com";
                registrations.add(pool.submit(() -> {
                    go.await();
                    return register(eventId, email, workshop).extract().statusCode();
                }));
            }
            Future<Integer> lowering = pool.submit(() -> {
                go.await();
                return change(Tokens.organizer(), eventId, workshop, Map.of("capacity", 4)).extract().statusCode();
            });
            go.countDown();
            int registered = 0;
            for (Future<Integer> registration : registrations) {
                int status = registration.get();
                assertThat(status).isIn(201, 409);
                registered += status == 201 ? 1 : 0;
            }
            int lowered = lowering.get();
            assertThat(lowered).isIn(200, 409);

            Map<String, Object> seats = asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, workshop)
                    .statusCode(200).extract().path("");
            int capacity = (Integer) seats.get("capacity");
            int confirmed = (Integer) seats.get("confirmed");
            // Every registration that got through holds a seat; no seat beyond the capacity that stands.
            assertThat(confirmed).isEqualTo(registered);
            assertThat(confirmed).isLessThanOrEqualTo(capacity);
            assertThat(capacity).isEqualTo(lowered == 200 ? 4 : 8);
            if (lowered == 409) {
                assertThat(confirmed).isGreaterThan(4);
            }
            asOrganizer("GET", "/api/events/{e}", eventId).body("confirmed", equalTo(registered));
        } finally {
            pool.shutdownNow();
        }
    }
    @Test
    void anOrganizerCancelsASessionItsSeatsGoBackAndTheRegistrationsStand() {
        UUID eventId = event("Maker day", 2);
        String lab = session(eventId, "Robot lab", 60, 120, 2);
        String talk = session(eventId, "Keynote", 0, 60, 10);
        String ria = register(eventId, "ria.maker@example.com", lab).statusCode(201).extract().path("id");
        String sol = register(eventId, "sol.maker@example.com", lab).statusCode(201).extract().path("id");
        String tom = register(eventId, "tom.maker@example.com", lab).statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("sessions[0].status", equalTo("WAITING")).extract()
                .path("id");
        UUID otherEvent = event("Other day", 10);

        // Only the event's organizers cancel it, and only a session of this event.
        given().header("Authorization", Tokens.bearer("attendee", "ria.maker@example.com"))
                .post("/api/events/{e}/sessions/{s}/cancel", eventId, lab).then().statusCode(403);
        given().header("Authorization", Tokens.organizer())
                .post("/api/events/{e}/sessions/{s}/cancel", otherEvent, lab).then().statusCode(404);

        given().header("Authorization", Tokens.organizer())
                .post("/api/events/{e}/sessions/{s}/cancel", eventId, lab).then().statusCode(200)
                .body("title", equalTo("Robot lab")).body("cancelledAt", org.hamcrest.Matchers.notNullValue())
                .body("confirmed", equalTo(0)).body("seatsLeft", equalTo(0));
        // The registrations stand; their choice of it is dropped, the other session untouched.
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, ria).statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("sessions[0].status", equalTo("DROPPED"));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, tom)
                .body("status", equalTo("WAITLISTED")).body("sessions[0].status", equalTo("DROPPED"));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, talk).body("cancelledAt", org.hamcrest.Matchers
                .nullValue());
        // Announced with the three registrations whose choice it dropped, and no one named.
        var announced = Api.announced(eventId, "registration.session-cancelled.v1", 1);
        var payload = TravelAndAccommodationTest.json(announced.get(0));
        assertThat(payload.get("sessionId").asText()).isEqualTo(lab);
        assertThat(payload.get("title").asText()).isEqualTo("Robot lab");
        List<String> told = new ArrayList<>();
        payload.get("registrationIds").forEach(id -> told.add(id.asText()));
        assertThat(told).containsExactlyInAnyOrder(ria, sol, tom);
        assertThat(payload.toString()).doesNotContain("@example.com");

        // It takes no choices and no changes from now on.
        register(eventId, "uma.maker@example.com", lab).statusCode(400)
                .body("errors[0].field", equalTo("sessionIds[0]"))
                .body("errors[0].message", containsString("cancelled"));
        given().header("Authorization", Tokens.bearer("attendee", "ria.maker@example.com"))
                .contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(talk, lab)))
                .put("/api/events/{e}/registrations/{r}/sessions", eventId, ria).then().statusCode(400)
                .body("errors[0].field", equalTo("sessionIds[1]"));
        change(Tokens.organizer(), eventId, lab, Map.of("title", "Robot lab II")).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-cancelled"));
        given().header("Authorization", Tokens.organizer())
                .post("/api/events/{e}/sessions/{s}/cancel", eventId, lab).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/session-cancelled"));
        // The calendar feed shows it cancelled, the keynote confirmed.
        String feed = asOrganizer("GET", "/api/events/{e}/calendar.ics", eventId).statusCode(200).extract()
                .asString().replace("\r\n ", "");
        String labEntry = feed.substring(feed.indexOf("UID:" + lab));
        assertThat(labEntry.substring(0, labEntry.indexOf("END:VEVENT"))).contains("STATUS:CANCELLED");
        String talkEntry = feed.substring(feed.indexOf("UID:" + talk));
        assertThat(talkEntry.substring(0, talkEntry.indexOf("END:VEVENT"))).contains("STATUS:CONFIRMED");

        // Ria cancels: her seat at the event goes to Tom, no seat of the cancelled session moves.
        given().header("Authorization", Tokens.bearer("attendee", "ria.maker@example.com"))
                .post("/api/events/{e}/registrations/{r}/cancel", eventId, ria).then().statusCode(200);
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, tom).body("status", equalTo("CONFIRMED"))
                .body("sessions[0].status", equalTo("DROPPED"));
        asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, lab).body("confirmed", equalTo(0));
        asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, sol).body("status", equalTo("CONFIRMED"));
    }
    /**
     * Attendees register for a workshop while it is cancelled: whoever got in before holds no seat of it afterwards,
     * whoever came after is told it is cancelled, and the announcement names exactly the registrations whose choice
     * it dropped.
     */
    @Test
    void registeringForASessionWhileItIsCancelledLeavesNoSeatInIt() throws Exception {
        UUID eventId = event("Cancel race day", 100);
        String workshop = session(eventId, "Workshop", 60, 120, 20);
        int people = 12;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people + 1);
        try {
            List<Future<ValidatableResponse>> registrations = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "canceller" + i + "@example.com";
                registrations.add(pool.submit(() -> {
                    go.await();
                    return register(eventId, email, workshop);
                }));
            }
            Future<Integer> cancelling = pool.submit(() -> {
                go.await();
                return given().header("Authorization", Tokens.organizer())
                        .post("/api/events/{e}/sessions/{s}/cancel", eventId, workshop).then().extract().statusCode();
            });
            go.countDown();
            assertThat(cancelling.get()).isEqualTo(200);
            List<String> before = new ArrayList<>();
            for (Future<ValidatableResponse> registration : registrations) {
                var answer = registration.get().extract();
                assertThat(answer.statusCode()).isIn(201, 400);
                if (answer.statusCode() == 201) {
                    before.add(answer.path("id"));
                } else {
                    assertThat((String) answer.path("errors[0].message")).contains("cancelled");
                }
            }
            asOrganizer("GET", "/api/events/{e}/sessions/{s}", eventId, workshop).body("confirmed", equalTo(0));
            for (String registration : before) {
                asOrganizer("GET", "/api/events/{e}/registrations/{r}", eventId, registration)
                        .body("status", equalTo("CONFIRMED")).body("sessions[0].status", equalTo("DROPPED"));
            }
            var payload = TravelAndAccommodationTest.json(Api.announced(eventId,
                    "registration.session-cancelled.v1", 1).get(0));
            List<String> told = new ArrayList<>();
            payload.get("registrationIds").forEach(id -> told.add(id.asText()));
            assertThat(told).containsExactlyInAnyOrderElementsOf(before);
        } finally {
            pool.shutdownNow();
        }
    }
}
