package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;

/**
 * An executive's confidential board meeting, run by her assistant: the assistant registers the board, edits the
 * budget and reads the briefing on her behalf; a colleague organizer of the same organisation, and anyone of
 * another organisation, sees none of it, in any service. The audit trail names both the assistant and the executive.
 */
@ExtendWith(Stack.class)
class ConfidentialBoardMeetingIT {
    private static final Duration CONVERGES = Duration.ofSeconds(30);
    private static final String EXECUTIVE = "erik.executive@example.com";
    private static final String ASSISTANT = "ada.assistant@example.com";
    private static final String COLLEAGUE = "colin.colleague@example.com";
    private static final String TITLE = "Board meeting: acquisition of Northwind";

    @Test
    void theAssistantRunsTheExecutivesConfidentialBoardMeetingAndNobodyElseSeesIt() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
        String eventId = Api.as(Service.REGISTRATION, "organizer", EXECUTIVE)
                .body(Map.of("title", TITLE, "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(3)).toString(), "timeZone", "Europe/Stockholm",
                        "capacity", 12, "confidential", true))
                .post("/api/events").then().statusCode(201).body("confidential", equalTo(true)).extract().path("id");

        // The executive makes her assistant a delegate of the meeting.
        Api.as(Service.REGISTRATION, "organizer", EXECUTIVE)
                .put("/api/events/{e}/delegates/{d}", eventId, ASSISTANT).then().statusCode(200);

        // The assistant registers the board members on the executive's behalf.
        for (String member : List.of("bea.board@example.com", "bo.board@example.com")) {
            Api.as(Service.REGISTRATION, "organizer", ASSISTANT)
                    .body(Map.of("attendee", Map.of("email", member, "name", member.substring(0, member.indexOf('@')))))
                    .post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                    .body("status", equalTo("CONFIRMED"));
        }

        // Budget and notification learn the access list from registration's events, then let her work there too.
        await("budget-service knows the assistant").atMost(CONVERGES).untilAsserted(() ->
                Api.as(Service.BUDGET, "organizer", ASSISTANT).get("/api/events/{e}/budget", eventId).then()
                        .statusCode(200).body("headcount.confirmed", equalTo(2)));
        Api.as(Service.BUDGET, "organizer", ASSISTANT)
                .body(Map.of("category", "CATERING", "description", "Board dinner", "kind", "PER_ATTENDEE",
                        "currency", "EUR", "unitAmount", new BigDecimal("85.00"), "glAccount", "6420"))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201);
        await("the briefing view is there for the assistant").atMost(CONVERGES).untilAsserted(() ->
                Api.as(Service.NOTIFICATION, "organizer", ASSISTANT).get("/api/events/{e}/briefings", eventId).then()
                        .statusCode(200).body("title", equalTo(TITLE)));
        // Finance of the organisation sees the confidential meeting's budget, and only that.
        Api.as(Service.BUDGET, "finance", "fiona.finance@example.com").get("/api/events/{e}/budget", eventId).then()
                .statusCode(200).body("lines.description", hasItem("Board dinner"));

        // A colleague organizer of the same organisation sees none of it.
        Api.as(Service.REGISTRATION, "organizer", COLLEAGUE).get("/api/events/{e}", eventId).then().statusCode(404);
        String list = Api.as(Service.REGISTRATION, "organizer", COLLEAGUE).get("/api/events?limit=200").then()
                .statusCode(200).extract().asString();
        assertThat(list).doesNotContain(eventId).doesNotContain(TITLE);
        Api.as(Service.REGISTRATION, "organizer", COLLEAGUE).get("/api/events/{e}/roll", eventId).then().statusCode(404);
        Api.as(Service.BUDGET, "organizer", COLLEAGUE).get("/api/events/{e}/budget", eventId).then().statusCode(404);
        Api.as(Service.VENUE, "facility", COLLEAGUE).get("/api/events/{e}/readiness", eventId).then().statusCode(404);
        Api.as(Service.NOTIFICATION, "organizer", COLLEAGUE).get("/api/events/{e}/briefings", eventId).then()
                .statusCode(404);
        // Nor does anyone of another organisation, whatever their role.
        for (Service service : Service.values()) {
            for (String role : List.of("organizer", "finance", "facility")) {
                String path = switch (service) {
                    case REGISTRATION -> "/api/events/{e}";
                    case BUDGET -> "/api/events/{e}/budget";
                    case VENUE -> "/api/events/{e}/readiness";
                    case NOTIFICATION -> "/api/events/{e}/briefings";
                };
                var answer = Api.as(service, role, EXECUTIVE, "globex").get(path, eventId).then().extract();
                assertThat(answer.asString()).as(service + " as globex " + role).doesNotContain(TITLE);
                // 404 for the event; a role that may not use the operation at all gets the role's 403, which
                // says nothing about the event.
                String problem = answer.statusCode() + " " + answer.path("type");
                assertThat(problem).as(service + " as globex " + role)
                        .isIn("404 https://convene.app/problems/not-found", "403 https://convene.app/problems/forbidden");
            }
        }

        // The audit trail of each service records the assistant acting for the executive.
        List<Map<String, Object>> registrationAudit = Api.as(Service.REGISTRATION, "organizer", EXECUTIVE)
                .get("/api/events/{e}/audit", eventId).then().statusCode(200).extract().path("entries");
        assertThat(registrationAudit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(ASSISTANT);
            assertThat(entry.get("onBehalfOf")).isEqualTo(EXECUTIVE);
            assertThat((String) entry.get("action")).startsWith("POST /api/events/" + eventId + "/registrations");
        });
        List<Map<String, Object>> budgetAudit = Api.as(Service.BUDGET, "organizer", EXECUTIVE)
                .get("/api/events/{e}/audit", eventId).then().statusCode(200).extract().path("entries");
        assertThat(budgetAudit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(ASSISTANT);
            assertThat(entry.get("onBehalfOf")).isEqualTo(EXECUTIVE);
            assertThat((String) entry.get("action")).isEqualTo("POST /api/events/" + eventId + "/budget/lines");
        });
        // The colleague may not read the audit either.
        Api.as(Service.BUDGET, "organizer", COLLEAGUE).get("/api/events/{e}/audit", eventId).then().statusCode(404);
    }
}
