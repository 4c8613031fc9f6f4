package app.convene.venue;

import static app.convene.venue.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.testing.OperationProbe;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of the venue API, called on acme's venue, room, partner contact, issue, template, event, booking,
 * checklist, inspection, corrective action, insurance certificate and closure by people who must not reach them: an
 * organizer and a facility coordinator of another organisation (globex), and an attendee of acme. None succeeds on
 * the object, none shows any of its data, and acme's objects are as they were.
 */
@QuarkusTest
class OutsiderProbeTest {
    private static final String GLOBEX = "globex";
    private static final String GLOBEX_ORGANIZER = "gina.organizer@globex.example";
    private static final String GLOBEX_FACILITY = "gus.facility@globex.example";

    /** Acme's objects, and what of them must never show. */
    record Acme(UUID venueId, UUID roomId, UUID issueId, UUID eventId, UUID bookingId, UUID checklistId,
            UUID itemId, UUID actionId, UUID closureId, UUID templateId, UUID certificateId, UUID contactId,
            List<String> secrets) {
    }

    @Test
    void anOrganizerAndAFacilityCoordinatorOfAnotherOrganisationReachNothingOfAcmesAndSeeNoneOfItsData() {
        Acme acme = acme();
        Instant start = Api.daysFromNow(140);
        Instant end = start.plus(Duration.ofHours(4));
        UUID globexEvent = Api.event(start, end,
                new EventAccess(GLOBEX, GLOBEX_ORGANIZER, false, List.of(), List.of()));
        String globexTemplate = globex("facility", GLOBEX_FACILITY).body(Map.of("name", "Globex walk-through",
                "category", "CLEANING", "items", List.of(Map.of("description", "Floors", "mandatory", true,
                        "dueHoursBeforeStart", 2))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        Map<String, Object> bookingOfAcmesRoom = Map.of("roomId", acme.roomId(), "eventId", globexEvent,
                "startsAt", start.toString(), "endsAt", end.toString());
        OperationProbe probe = probe(acme, globexTemplate, bookingOfAcmesRoom);

        for (String[] outsider : new String[][] { { "organizer", GLOBEX_ORGANIZER }, { "facility", GLOBEX_FACILITY } }) {
            OperationProbe.Report report = probe.run(Tokens.bearer(outsider[0], outsider[1], GLOBEX))
                    .assertNothingReached();
            assertThat(report.calls()).as("every documented operation is called or skipped with a reason")
                    .hasSize(46)
                    .contains("POST /api/bookings -> 404", "GET /api/venues -> 200",
                            "GET /api/events/{eventId}/audit -> 404");
            // Facility's role reaches every operation, and finds nothing; an organizer is refused facility's work first.
            assertThat(report.calls()).filteredOn(call -> call.contains("{") && !call.contains("skipped"))
                    .allSatisfy(call -> assertThat(call).matches(outsider[0].equals("facility") ? ".* -> 404" : ".* -> 40[34]"));
        }

        // The booking body was valid: with globex's own room it books.
        UUID globexRoom = globexRoom();
        globex("organizer", GLOBEX_ORGANIZER).body(Map.of("roomId", globexRoom, "eventId", globexEvent,
                "startsAt", start.toString(), "endsAt", end.toString()))
                .post("/api/bookings").then().statusCode(201);
        assertUntouched(acme);
    }

    @Test
    void anAttendeeOfTheSameOrganisationReachesNothingOfTheVenueSide() {
        Acme acme = acme();
        Instant start = Api.daysFromNow(150);
        Instant end = start.plus(Duration.ofHours(2));
        UUID ownEvent = Api.event(start, end);
        OperationProbe probe = probe(acme, UUID.randomUUID().toString(), Map.of("roomId", acme.roomId(),
                "eventId", ownEvent, "startsAt", start.toString(), "endsAt", end.toString()));

        OperationProbe.Report report = probe.run(Tokens.bearer("attendee", "alex.attendee@example.com"))
                .assertNothingReached();
        assertThat(report.calls()).hasSize(46).filteredOn(call -> !call.contains("skipped"))
                .allSatisfy(call -> assertThat(call).endsWith("-> 403"));
        assertUntouched(acme);
    }

    @Test
    void theProbeIsArmedAcmesOwnFacilityCoordinatorReachesTheObjectsAndSeesTheirData() {
        Acme acme = acme();
        OperationProbe.Report report = probe(acme, UUID.randomUUID().toString(), Map.of("roomId", acme.roomId(),
                "eventId", acme.eventId(), "startsAt", Api.daysFromNow(200).toString(), "endsAt",
                Api.daysFromNow(201).toString())).run(Tokens.bearer("facility", Api.FACILITY));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f).startsWith("GET /api/venues/{venueId} answered 200"))
                .anySatisfy(f -> assertThat(f).startsWith("GET /api/events/{eventId}/insurance-certificates (200) "
                        + "showed"))
                .anySatisfy(f -> assertThat(f).startsWith("GET /api/venues (200) showed"));
    }

    private static OperationProbe probe(Acme acme, String templateId, Map<String, Object> booking) {
        return OperationProbe.create()
                .skip("GET /api/privacy/people/{email}", "an address is no object of an organisation: "
                        + "another organisation's caller gets its own organisation's export; ErasureTest shows it "
                        + "holds nothing of acme")
                .path("venueId", acme.venueId()).path("roomId", acme.roomId()).path("issueId", acme.issueId())
                .path("eventId", acme.eventId()).path("bookingId", acme.bookingId())
                .path("checklistId", acme.checklistId()).path("actionId", acme.actionId())
                .path("closureId", acme.closureId()).path("templateId", acme.templateId())
                .path("certificateId", acme.certificateId()).path("contactId", acme.contactId())
                .secret(acme.secrets().toArray(String[]::new))
                .skip("POST /api/venues", "registers the caller's own venue; OrganisationsTest shows a venue of the "
                        + "same name in another organisation is no conflict and lists stay apart")
                .skip("POST /api/checklist-templates", "creates the caller's own template; OrganisationsTest shows "
                        + "templates stay apart")
                .body("POST /api/bookings", json(booking))
                .body("POST /api/venues/{venueId}/rooms", json(Map.of("name", "Probe room", "seatedCapacity", 10,
                        "standingCapacity", 10, "safeOccupancy", 10)))
                .body("PATCH /api/bookings/{bookingId}", json(Map.of("setupMinutes", 5)))
                .body("PATCH /api/actions/{actionId}", json(Map.of("owner", "Probe")))
                .body("PATCH /api/rooms/{roomId}", json(Map.of("name", "Probe room", "safeOccupancy", 1)))
                .body("PATCH /api/venues/{venueId}", json(Map.of("name", "Probe venue")))
                .body("PATCH /api/venues/{venueId}/partner-contacts/{contactId}", json(Map.of("name", "Probe")))
                .body("PATCH /api/checklist-templates/{templateId}", json(Map.of("name", "Probe template")))
                .body("POST /api/venues/{venueId}/partner-contacts", json(Map.of("name", "Probe", "role",
                        "catering", "email", "probe@globex.example")))
                .body("POST /api/venues/{venueId}/issues", json(Map.of("description", "Probe",
                        "raisedBy", Map.of("name", "Probe"))))
                .body("PUT /api/venue-issues/{issueId}/status", json(Map.of("status", "IN_MEDIATION")))
                .body("POST /api/venue-issues/{issueId}/proposals", json(Map.of("description", "Probe")))
                .body("POST /api/bookings/{bookingId}/cancellation", json(Map.of("reason", "Probe")))
                .body("POST /api/bookings/{bookingId}/checklists", json(Map.of("templateId", templateId)))
                .body("POST /api/checklists/{checklistId}/inspections", json(Map.of("results",
                        List.of(Map.of("itemId", acme.itemId(), "outcome", "PASSED")))))
                .body("POST /api/actions/{actionId}/closure", json(Map.of("resolution", "Probe")))
                .body("POST /api/events/{eventId}/insurance-certificates", json(certificate("PROBE-1", "Probe")))
                .body("POST /api/venues/{venueId}/closures", json(Map.of("from", Api.daysFromNow(400).toString(),
                        "until", Api.daysFromNow(401).toString(), "reason", "Probe")));
    }

    /** Acme's venue side of one event, everything on it filled in, with what must never show to an outsider. */
    static Acme acme() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String venueName = "Acme Hall " + tag;
        String roomName = "Acme Boardroom " + tag;
        String contactName = "Petra Acmepartner " + tag;
        String contactEmail = "petra." + tag + "@acme-catering.example";
        String issue = "Acme loading dock blocked " + tag;
        String proposal = "Acme waste moved to afternoons " + tag;
        String templateName = "Acme fire safety " + tag;
        String item = "Acme exit B clear " + tag;
        String title = "Acme board meeting " + tag;
        String owner = "Acme maintenance crew " + tag;
        String note = "Acme pallets at exit " + tag;
        String insurer = "Acme Mutual " + tag;
        String policy = "ACME-POL-" + tag;

        String venueId = as("facility").body(Map.of("name", venueName, "address", Map.of("street",
                "Coolsingel 40", "city", "Rotterdam", "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String roomId = as("facility").body(Map.of("name", roomName, "seatedCapacity", 40, "standingCapacity", 60,
                "safeOccupancy", 50)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201)
                .extract().path("id");
        String contactId = as("facility").body(Map.of("name", contactName, "role", "catering", "email",
                contactEmail)).post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201)
                .extract().path("id");
        String issueId = as("facility").body(Map.of("description", issue, "raisedBy",
                Map.of("partnerContactId", contactId))).post("/api/venues/{v}/issues", venueId).then()
                .statusCode(201).extract().path("id");
        as("facility").body(Map.of("description", proposal)).post("/api/venue-issues/{i}/proposals", issueId)
                .then().statusCode(201);
        String templateId = as("facility").body(Map.of("name", templateName, "category", "FIRE_SAFETY",
                "items", List.of(Map.of("description", item, "mandatory", true, "dueHoursBeforeStart", 24))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");

        Instant start = Api.daysFromNow(130);
        Instant end = start.plus(Duration.ofHours(6));
        UUID eventId = Api.event(UUID.randomUUID(), title, start, end, Api.ACCESS);
        String bookingId = Api.book(UUID.fromString(roomId), eventId, start, end, 60, 60).statusCode(201)
                .extract().path("id");
        JsonPath checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().jsonPath();
        String checklistId = checklist.getString("id");
        String itemId = checklist.getString("items[0].id");
        JsonPath inspection = as("facility").body(Map.of("results", List.of(Map.of("itemId", itemId,
                "outcome", "FAILED", "note", note, "action", Map.of("owner", owner, "description",
                        "Acme clear the exit " + tag, "dueAt", start.minus(Duration.ofDays(2)).toString())))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201).extract().jsonPath();
        String closureReason = "Acme roof works " + tag;
        String closureId = as("facility").body(Map.of("from", Api.daysFromNow(300).toString(), "until",
                Api.daysFromNow(302).toString(), "reason", closureReason, "roomId", roomId))
                .post("/api/venues/{v}/closures", venueId).then().statusCode(201).extract().path("id");
        String certificateId = as("facility").body(certificate(policy, insurer))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201)
                .extract().path("id");

        List<String> secrets = new ArrayList<>(List.of(venueName, roomName, contactName, contactEmail, issue,
                proposal, templateName, item, title, owner, note, insurer, policy, "dms://acme/" + policy,
                contactId, templateId, itemId, inspection.getString("id"), certificateId, "Coolsingel",
                closureReason));
        return new Acme(UUID.fromString(venueId), UUID.fromString(roomId), UUID.fromString(issueId), eventId,
                UUID.fromString(bookingId), UUID.fromString(checklistId), UUID.fromString(itemId),
                UUID.fromString(inspection.getString("openedActions[0].id")), UUID.fromString(closureId),
                UUID.fromString(templateId), UUID.fromString(certificateId), UUID.fromString(contactId), secrets);
    }

    /** Nothing the outsiders tried changed acme's objects. */
    private static void assertUntouched(Acme acme) {
        as("facility").get("/api/venues/{v}", acme.venueId()).then().statusCode(200)
                .body("rooms", hasSize(1)).body("partnerContacts", hasSize(1))
                .body("name", org.hamcrest.Matchers.not(equalTo("Probe venue")));
        as("facility").get("/api/venues/{v}/issues", acme.venueId()).then().statusCode(200)
                .body("issues.status", equalTo(List.of("OPEN"))).body("issues[0].proposals", hasSize(1));
        as("organizer").get("/api/bookings/{b}", acme.bookingId()).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        as("facility").get("/api/checklists/{c}", acme.checklistId()).then().statusCode(200)
                .body("signedOffBy", equalTo(null)).body("items[0].outcome", equalTo("FAILED"));
        as("facility").get("/api/events/{e}/actions", acme.eventId()).then().statusCode(200)
                .body("status", equalTo(List.of("OPEN")));
        as("facility").get("/api/events/{e}/insurance-certificates", acme.eventId()).then().statusCode(200)
                .body("", hasSize(1)).body("[0].withdrawnAt", equalTo(null));
        as("facility").get("/api/rooms/{r}/bookings", acme.roomId()).then().statusCode(200)
                .body("bookings", hasSize(1));
        as("facility").get("/api/rooms/{r}", acme.roomId()).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(equalTo("Probe room")))
                .body("safeOccupancy", org.hamcrest.Matchers.greaterThan(1));
        as("facility").get("/api/events/{e}/checklists", acme.eventId()).then().statusCode(200)
                .body("", hasSize(1));
        as("facility").get("/api/venues/{v}/closures", acme.venueId()).then().statusCode(200)
                .body("status", equalTo(List.of("ACTIVE")));
    }

    private static UUID globexRoom() {
        String venueId = globex("facility", GLOBEX_FACILITY).body(Map.of("name", "Globex Center "
                + UUID.randomUUID(), "address", Map.of("street", "Main St 1", "city", "Springfield", "country", "US")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        return UUID.fromString(globex("facility", GLOBEX_FACILITY).body(Map.of("name", "Globex room",
                "seatedCapacity", 40, "standingCapacity", 60, "safeOccupancy", 50))
                .post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract().path("id"));
    }

    private static io.restassured.specification.RequestSpecification globex(String role, String subject) {
        return given().header("Authorization", Tokens.bearer(role, subject, GLOBEX)).contentType(ContentType.JSON);
    }

    static Map<String, Object> certificate(String policy, String insurer) {
        return Map.of("insurer", insurer, "policyNumber", policy, "coverage", "PUBLIC_LIABILITY",
                "amount", 2_000_000, "currency", "EUR",
                "validFrom", Instant.now().minus(Duration.ofDays(1)).toString(),
                "validTo", Instant.now().plus(Duration.ofDays(400)).toString(),
                "documentReference", "dms://acme/" + policy);
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
