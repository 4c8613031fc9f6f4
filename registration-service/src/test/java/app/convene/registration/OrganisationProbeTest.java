package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.OperationProbe;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every operation of the API, called by people who must not reach an event of acme: an organizer and an attendee of
 * another organisation, an attendee of acme on a draft, on a confidential event and on someone else's registration.
 * None of them succeeds, and no answer shows the event's title, its people or its ids.
 */
@QuarkusTest
class OrganisationProbeTest {
    private static final String OWNER = Tokens.organizer();
    private static final String EVE = "eve.acme@example.com";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);

    private UUID summit;
    private String annaRegistration;
    private String annaTicket;
    private String bramRegistration;
    private String sessionId;
    private String questionId;
    private String erasureId;
    private String seriesId;
    private String occurrenceDate;
    private String feedId;
    private String agendaItemId;
    private String actionItemId;
    /** The probes' action item is the summit's: its approved minutes, and so the item, are open to the organisation. */
    private static final String SUMMITS_ACTION = "the summit's action item, open to the organisation's attendees as "
            + "its approved minutes and the action-item list show it";

    @BeforeEach
    void acmeRunsASummit() {
        summit = event("Acme strategy summit " + tag, Map.of());
        sessionId = given().header("Authorization", OWNER).contentType(ContentType.JSON)
                .body(session("Acme secret session " + tag))
                .post("/api/events/{e}/sessions", summit).then().statusCode(201).extract().path("id");
        questionId = given().header("Authorization", OWNER).contentType(ContentType.JSON)
                .body(Map.of("key", "diet", "label", "Acme secret question " + tag, "kind", "TEXT", "required", false))
                .post("/api/events/{e}/questions", summit).then().statusCode(201).extract().path("id");
        var anna = register(OWNER, summit, "anna." + tag + "@example.com", "Anna Acme").statusCode(201).extract();
        annaRegistration = anna.path("id");
        annaTicket = anna.path("ticketCode");
        bramRegistration = register(OWNER, summit, "bram." + tag + "@example.com", "Bram Acme")
                .statusCode(201).extract().path("id");
        given().header("Authorization", OWNER).contentType(ContentType.JSON)
                .body(Map.of("travelMode", "AIR", "accessibilityNeeds", "Acme secret need " + tag))
                .put("/api/events/{e}/registrations/{r}/travel", summit, annaRegistration).then().statusCode(200);
        given().header("Authorization", OWNER).put("/api/events/{e}/co-organizers/{s}", summit,
                "cora." + tag + "@example.com").then().statusCode(200);
        given().header("Authorization", OWNER).put("/api/events/{e}/delegates/{s}", summit,
                "dina." + tag + "@example.com").then().statusCode(200);
        erasureId = given().header("Authorization", OWNER).contentType(ContentType.JSON)
                .body(Map.of("email", "gone." + tag + "@example.com")).post("/api/privacy/erasures").then()
                .statusCode(202).extract().path("id");
        // A recurring meeting with a feed link, and on the summit an agenda and approved minutes with an action item.
        io.restassured.path.json.JsonPath series = given().header("Authorization", OWNER)
                .contentType(ContentType.JSON).body(Map.of("title", "Acme secret series " + tag, "firstDate",
                        start.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(), "startTime", "09:00",
                        "durationMinutes", 60, "timeZone", "UTC", "recurrence", "FREQ=WEEKLY;COUNT=2",
                        "capacity", 5))
                .post("/api/meeting-series").then().statusCode(201).extract().jsonPath();
        seriesId = series.getString("id");
        occurrenceDate = series.getString("occurrences[0].date");
        feedId = given().header("Authorization", OWNER).post("/api/meeting-series/{s}/calendar-feeds", seriesId)
                .then().statusCode(201).extract().path("feedId");
        agendaItemId = given().header("Authorization", OWNER).contentType(ContentType.JSON)
                .body(Map.of("title", "Acme secret agenda item " + tag))
                .post("/api/events/{e}/agenda/items", summit).then().statusCode(201).extract().path("id");
        given().header("Authorization", OWNER).contentType(ContentType.JSON).body(Map.of("chair",
                "olivia.organizer@example.com", "entries", List.of(Map.of("agendaItemId", agendaItemId,
                        "actionItems", List.of(Map.of("title", "Acme secret action " + tag,
                                "owner", "dina." + tag + "@example.com", "dueDate", "2030-01-01"))))))
                .put("/api/events/{e}/minutes", summit).then().statusCode(200);
        given().header("Authorization", OWNER).post("/api/events/{e}/minutes/submit", summit).then().statusCode(200);
        actionItemId = given().header("Authorization", OWNER).post("/api/events/{e}/minutes/approve", summit).then()
                .statusCode(200).extract().path("entries[0].actionItems[0].id");
    }

    @Test
    void anotherOrganisationsOrganizerReachesNothingAndLearnsNothing() {
        OperationProbe.Report report = probe(summit, annaRegistration, "gus@globex.example")
                .secret(summitSecrets()).run(Tokens.bearer("organizer", "gus@globex.example", "globex"))
                .assertNothingReached();
        // Every operation on the summit was refused by the access rule itself (valid bodies; no 400/415/500).
        assertThat(report.calls()).filteredOn(call -> call.contains("{eventId}")).hasSizeGreaterThan(20)
                .allSatisfy(call -> assertThat(call).endsWith("-> 404"))
                .contains("PUT /api/events/{eventId}/delegates/{subject} -> 404",
                        "GET /api/events/{eventId}/audit -> 404", "POST /api/events/{eventId}/registrations/group -> 404");
        // The lists answer, showing nothing of acme.
        assertThat(report.calls()).contains("GET /api/events -> 200", "GET /api/me/registrations -> 200");
    }

    @Test
    void anotherOrganisationsAttendeeReachesNothingEvenUnderTheSameAddress() {
        probe(summit, annaRegistration, "gina@globex.example").secret(summitSecrets())
                .run(Tokens.bearer("attendee", "gina@globex.example", "globex")).assertNothingReached();
        // An attendee of globex whose address is Anna's does not get Anna's acme registration either.
        String anna = "anna." + tag + "@example.com";
        probe(summit, annaRegistration, anna).secret(summitSecrets()[0], bramRegistration, sessionId, questionId)
                .run(Tokens.bearer("attendee", anna, "globex")).assertNothingReached();
    }

    @Test
    void anAttendeeOfTheOrganisationDoesNotSeeADraftNorAConfidentialEvent() {
        UUID draft = event("Acme draft plans " + tag, Map.of("status", "DRAFT"));
        given().header("Authorization", OWNER).contentType(ContentType.JSON).body(session("Draft session " + tag))
                .post("/api/events/{e}/sessions", draft).then().statusCode(201);
        probe(draft, annaRegistration, EVE).skip("GET /api/action-items/{actionItemId}", SUMMITS_ACTION)
                .secret("Acme draft plans " + tag, "Draft session " + tag, "anna." + tag + "@example.com").run(Tokens.bearer("attendee", EVE)).assertNothingReached();

        UUID board = event("Acme board meeting " + tag, Map.of("confidential", true));
        String boardSeat = register(OWNER, board, "bram." + tag + "@example.com", "Bram Acme").statusCode(201)
                .extract().path("id");
        probe(board, boardSeat, EVE).skip("GET /api/action-items/{actionItemId}", SUMMITS_ACTION)
                .secret("Acme board meeting " + tag, "bram." + tag + "@example.com")
                .run(Tokens.bearer("attendee", EVE)).assertNothingReached();
    }

    @Test
    void anAttendeeOfTheOrganisationDoesNotReachSomeoneElsesRegistration() {
        String why = "a published event that is not confidential is open to the organisation's attendees";
        probe(summit, annaRegistration, EVE)
                .body("POST /api/events/{eventId}/registrations", attendeeBody("bram." + tag + "@example.com"))
                .skip("GET /api/events/{eventId}", why).skip("GET /api/events/{eventId}/sessions", why)
                .skip("GET /api/events/{eventId}/questions", why).skip("GET /api/events/{eventId}/calendar.ics", why)
                .skip("GET /api/events/{eventId}/sessions/{sessionId}", why)
                .skip("GET /api/events/{eventId}/questions/{questionId}", why)
                .skip("GET /api/events/{eventId}/minutes", why + ", and so are its approved minutes")
                .skip("GET /api/action-items/{actionItemId}", SUMMITS_ACTION)
                .secret("anna." + tag + "@example.com", "Anna Acme", bramRegistration)
                .run(Tokens.bearer("attendee", EVE)).assertNothingReached();
        // Yet the event itself is there for them, without who runs it.
        given().header("Authorization", Tokens.bearer("attendee", EVE)).get("/api/events/{e}", summit).then()
                .statusCode(200).body("title", equalTo("Acme strategy summit " + tag))
                .body("access", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aTokenWithoutAnOrganisationIsRefused() {
        for (String path : List.of("/api/events", "/api/events/" + summit, "/api/me/registrations")) {
            given().header("Authorization", Tokens.bearer("organizer", "olivia.organizer@example.com", null))
                    .get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void everyOperationOnAnEventSaysItMayBeAnotherOrganisationsOrNotVisible() throws Exception {
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                        .extract().asString()).path("paths");
        List<String> undocumented = new java.util.ArrayList<>();
        List<String> checked = new java.util.ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().contains("{eventId}")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                checked.add(operation.getKey() + " " + path.getKey());
                String notFound = operation.getValue().path("responses").path("404").path("description").asText();
                if (!notFound.contains("in your organisation")) {
                    undocumented.add(operation.getKey() + " " + path.getKey() + ": " + notFound);
                }
            });
        });
        assertThat(checked).hasSizeGreaterThan(20);
        assertThat(undocumented).isEmpty();
    }

    private String[] summitSecrets() {
        return new String[] { "Acme strategy summit " + tag, "anna." + tag + "@example.com", "Anna Acme",
            "bram." + tag + "@example.com", bramRegistration, "Acme secret session " + tag, sessionId,
            "Acme secret question " + tag, questionId, "dina." + tag + "@example.com", "Acme secret series " + tag,
            "Acme secret agenda item " + tag, "Acme secret action " + tag, "Acme secret need " + tag, annaTicket };
    }

    /** The probe on {@code eventId}, with valid bodies in the caller's own name so each call meets the access rule. */
    private OperationProbe probe(UUID eventId, String registrationId, String callerEmail) {
        return OperationProbe.create().path("eventId", eventId).path("registrationId", registrationId)
                .path("sessionId", sessionId).path("questionId", questionId)
                .path("erasureId", erasureId)
                .skip("GET /api/privacy/people/{email}", "an address is no object of an organisation: "
                        + "another organisation's caller gets its own organisation's export; ErasureTest shows it "
                        + "holds nothing of acme")
                .path("subject", "cora." + tag + "@example.com")
                .path("seriesId", seriesId).path("date", occurrenceDate).path("feedId", feedId)
                .path("itemId", agendaItemId).path("actionItemId", actionItemId)
                // The link is the credential: whoever holds the real one reads the feed (MeetingSeriesStoryTest).
                .path("token", "not-the-link-" + tag)
                .body("POST /api/ownership-transfers", "{\"from\":\"olivia.organizer@example.com\",\"to\":\""
                        + callerEmail + "\"}")
                .body("POST /api/events/{eventId}/agenda/items", "{\"title\":\"Taken over\"}")
                .body("PUT /api/events/{eventId}/agenda/order", "{\"itemIds\":[\"" + agendaItemId + "\"]}")
                .body("PUT /api/events/{eventId}/minutes", "{\"chair\":\"" + callerEmail + "\",\"entries\":[]}")
                .body("PATCH /api/events/{eventId}", "{\"title\":\"Taken over\",\"confidential\":false}")
                .body("POST /api/events/{eventId}/registrations", attendeeBody(callerEmail))
                .body("POST /api/events/{eventId}/registrations/group", "{\"booker\":{\"email\":\"" + callerEmail
                        + "\",\"name\":\"Booker\"},\"attendees\":[{\"email\":\"" + callerEmail
                        + "\",\"name\":\"Booker\"}]}")
                .body("POST /api/events/{eventId}/sessions", json(session("Taken over")))
                .body("PATCH /api/events/{eventId}/sessions/{sessionId}", "{\"title\":\"Taken over\",\"capacity\":0}")
                .body("PUT /api/events/{eventId}/registrations/{registrationId}/sessions", "{\"sessionIds\":[]}")
                .body("PUT /api/events/{eventId}/registrations/{registrationId}/waiting-list-position",
                        "{\"position\":1}")
                .body("PATCH /api/events/{eventId}/questions/{questionId}", "{\"label\":\"Taken over\"}")
                .body("PATCH /api/events/{eventId}/registrations/{registrationId}", "{\"name\":\"Taken over\"}")
                .body("POST /api/events/{eventId}/copy", "{\"startsAt\":\"" + start.plusSeconds(86_400) + "\"}")
                .body("POST /api/events/{eventId}/registrations/{registrationId}/transfer", attendeeBody(callerEmail))
                .body("PUT /api/events/{eventId}/registrations/{registrationId}/travel",
                        "{\"travelMode\":\"RAIL\",\"dietaryNeeds\":[\"VEGAN\"]}")
                .body("POST /api/events/{eventId}/check-ins", "{\"ticketCode\":\"" + annaTicket + "\"}")
                .body("POST /api/events/{eventId}/questions",
                        "{\"key\":\"probe\",\"label\":\"Probe\",\"kind\":\"TEXT\",\"required\":false}");
    }

    private static String attendeeBody(String email) {
        return "{\"attendee\":{\"email\":\"" + email + "\",\"name\":\"Someone\"}}";
    }

    private Map<String, Object> session(String title) {
        return Map.of("title", title, "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(),
                "capacity", 20);
    }

    private UUID event(String title, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Api.eventBody(title, 50, Duration.ZERO,
                Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(8)).toString())));
        body.putAll(extra);
        return UUID.fromString(Api.postEvent(body).statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.ValidatableResponse register(String token, UUID eventId, String email,
            String name) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{e}/registrations", eventId).then();
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
