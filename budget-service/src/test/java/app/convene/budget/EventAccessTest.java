package app.convene.budget;

import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.financeLead;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Within one organisation: colleagues read what is not confidential but change only what they are members of;
 * a confidential event's budget is seen only by its members and finance; a delegate works for the person it acts
 * for, and the audit trail says so.
 */
@QuarkusTest
class EventAccessTest {
    static final String COLLEAGUE = "colin.colleague@example.com";
    static final String EXECUTIVE = "erin.executive@example.com";
    static final String ASSISTANT = "alex.assistant@example.com";
    static final String NOT_MEMBER = "https://convene.app/problems/not-event-member";

    static RequestSpecification colleague() {
        return Api.as("organizer", COLLEAGUE);
    }

    static RequestSpecification executive() {
        return Api.as("organizer", EXECUTIVE);
    }

    static RequestSpecification assistant() {
        return Api.as("organizer", ASSISTANT);
    }

    @Test
    void aColleagueReadsAnotherOrganizersBudgetButChangesNothing() {
        UUID eventId = Api.budgetedEvent();
        UUID lineId = Api.addLine(eventId, line("CATERING", "FIXED", "500.00", null));

        colleague().get("/api/events/{e}/budget", eventId).then().statusCode(200)
                .body("lines.description", hasItem("catering costs"));
        colleague().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200);

        colleague().body(Map.of("department", "Mine now")).put("/api/events/{e}/budget", eventId).then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo(NOT_MEMBER));
        colleague().body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(403).body("type", equalTo(NOT_MEMBER));
        colleague().body(line("CATERING", "FIXED", "1.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(403)
                .body("type", equalTo(NOT_MEMBER));
        colleague().body(Map.of("poNumber", "PO-1", "amount", money("1.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(403)
                .body("type", equalTo(NOT_MEMBER));
        colleague().post("/api/events/{e}/budget/submission", eventId).then().statusCode(403)
                .body("type", equalTo(NOT_MEMBER));
        // Facility and attendees have no business with budgets at all.
        Api.as("facility", "fay.facility@example.com").get("/api/events/{e}/budget", eventId).then().statusCode(403);
        Api.as("attendee", "anna.attendee@example.com").get("/api/events/{e}/budget/ledger", eventId).then()
                .statusCode(403);

        organizer().get("/api/events/{e}/budget", eventId).then().statusCode(200)
                .body("department", equalTo("Sales")).body("lines", org.hamcrest.Matchers.hasSize(1))
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void aConfidentialBudgetIsSeenByItsMembersAndFinanceAndRunByTheDelegate() {
        EventAccess access = new EventAccess(Tokens.ORGANISATION, EXECUTIVE, true, List.of(),
                List.of(new EventAccess.Delegate(ASSISTANT, EXECUTIVE)));
        UUID eventId = Api.scheduledEvent(Instant.parse("2031-11-20T08:00:00Z"), access, EventAccessTest::executive);
        String department = "Board " + UUID.randomUUID();

        // The assistant sets the budget up and edits its lines on the executive's behalf.
        assistant().body(Map.of("department", department, "costCentre", "CC-BOARD")).put("/api/events/{e}/budget",
                eventId).then().statusCode(200);
        String location = assistant().body(line("CATERING", "FIXED", "2400.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201).extract().header("Location");
        UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assistant().body(line("CATERING", "FIXED", "2600.00", null))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(200)
                .body("totals.estimate", equalTo(money("2600.00")));

        // A colleague organizer of the same organisation does not even learn that it exists.
        colleague().get("/api/events/{e}/budget", eventId).then().statusCode(404)
                .contentType("application/problem+json");
        colleague().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(404);
        colleague().body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(404);
        colleague().post("/api/events/{e}/budget/submission", eventId).then().statusCode(404);
        colleague().get("/api/events/{e}/audit", eventId).then().statusCode(404);
        String colleaguesRollUp = colleague().queryParam("period", "2031-11").get("/api/roll-up").then()
                .statusCode(200).extract().asString();
        assertThat(colleaguesRollUp).doesNotContain(department);

        // Finance sees it, in the roll-up too, and approves the assistant's submission.
        finance().get("/api/events/{e}/budget", eventId).then().statusCode(200)
                .body("lines.description", hasItem("catering costs"));
        finance().queryParam("period", "2031-11").get("/api/roll-up").then().statusCode(200)
                .body("departments.department", hasItem(department));
        assistant().post("/api/events/{e}/budget/submission", eventId).then().statusCode(200)
                .body("approval.submittedBy", equalTo(ASSISTANT));
        finance().post("/api/events/{e}/budget/approval", eventId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approval.approvedTotal", equalTo(money("2600.00")));
        financeLead().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200);

        // The audit trail records the assistant acting for the executive; the executive reads it.
        List<Map<String, Object>> audit = executive().get("/api/events/{e}/audit", eventId).then().statusCode(200)
                .extract().path("entries");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(ASSISTANT);
            assertThat(entry.get("onBehalfOf")).isEqualTo(EXECUTIVE);
            assertThat(entry.get("action")).isEqualTo("POST /api/events/" + eventId + "/budget/lines");
        });
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(ASSISTANT);
            assertThat(entry.get("onBehalfOf")).isEqualTo(EXECUTIVE);
            assertThat(entry.get("action")).isEqualTo("PUT /api/events/" + eventId + "/budget/lines/" + lineId);
        });
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(Api.FINANCE);
            assertThat(entry.get("onBehalfOf")).isNull();
            assertThat(entry.get("action")).isEqualTo("POST /api/events/" + eventId + "/budget/approval");
        });
        // The delegate reads it as well.
        assistant().get("/api/events/{e}/audit", eventId).then().statusCode(200)
                .body("entries.actor", hasItem(ASSISTANT)).body("entries.actor", not(hasItem(COLLEAGUE)));
    }

    @Test
    void aNewCoOrganizerMayChangeTheBudgetOnceTheAccessChangeArrives() {
        UUID eventId = Api.budgetedEvent();
        colleague().body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(403);
        Instant start = Instant.now().plus(Duration.ofDays(30));
        app.convene.backbone.testing.KafkaBroker.send(app.convene.backbone.testing.EventRecords.of(
                app.convene.backbone.event.RegistrationEvents.EVENT_UPDATED, eventId,
                new app.convene.backbone.event.RegistrationEvents.EventUpdated(eventId, "Partner summit", start,
                        start.plus(Duration.ofHours(8)), "Europe/Berlin", 500, "PUBLISHED", null, null,
                        new EventAccess(Tokens.ORGANISATION, Api.ORGANIZER, false, List.of(COLLEAGUE), List.of()))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> colleague()
                .body(line("AV", "FIXED", "1.00", null)).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(201));
    }
}
