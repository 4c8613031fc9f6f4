package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Next year's summit starts from this year's figures: the organizer copies the lines of last year's budget. What
 * still counted comes over as estimates, without last year's purchase orders or invoices; the venue's line stays
 * with the venue's booking.
 */
@QuarkusTest
class LineCopyTest {

    @Test
    void lastYearsLinesComeOverAsEstimatesWithoutWhatWasCommittedOrWithdrawnOrKeptElsewhere() {
        Api.rate("USD", "EUR", "0.9000");
        UUID lastYear = budgetedEvent();
        UUID av = addLine(lastYear, line("AV", "FIXED", "1000.00", null));
        UUID lunch = addLine(lastYear, Map.of("category", "CATERING", "description", "Lunch buffet", "vendor",
                "Feast & Co", "kind", "PER_ATTENDEE", "unitAmount", money("24.5000"), "glAccount", "6420",
                "costCentre", "MKT-EVENTS"));
        addLine(lastYear, line("MARKETING", "FIXED", "200.00", "USD"));
        UUID printing = addLine(lastYear, line("OTHER", "FIXED", "300.00", null));
        organizer().body(Map.of("reason", "No brochures this year"))
                .post("/api/events/{e}/budget/lines/{l}/withdraw", lastYear, printing).then().statusCode(200);
        organizer().body(Map.of("poNumber", "PO-AV-1", "amount", money("950.00")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", lastYear, av).then().statusCode(200);
        UUID bookingId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(30));
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CONFIRMED, lastYear, new VenueEvents.BookingConfirmed(
                lastYear, bookingId, UUID.randomUUID(), "Harbour Hall", UUID.randomUUID(), "Blue room", start,
                start.plusSeconds(28_800), start.minusSeconds(3600), start.plusSeconds(32_400), 120,
                new VenueEvents.Price(money("4200.00"), "EUR"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", lastYear)
                .then().body("lines", hasSize(4)));

        UUID nextYear = budgetedEvent();
        String key = UUID.randomUUID().toString();
        List<String> copied = organizer().header("Idempotency-Key", key).body(Map.of("fromEventId", lastYear))
                .post("/api/events/{e}/budget/lines/copies", nextYear).then().statusCode(201)
                .header("Location", containsString("/api/events/" + nextYear + "/budget/lines"))
                .body("copiedFrom", equalTo(lastYear.toString())).body("lineIds", hasSize(3))
                .body("totals.estimate", equalTo(money("1180.00"))).extract().path("lineIds");
        // A retry answers the first copy and adds nothing.
        organizer().header("Idempotency-Key", key).body(Map.of("fromEventId", lastYear))
                .post("/api/events/{e}/budget/lines/copies", nextYear).then().statusCode(201)
                .body("lineIds", equalTo(copied));

        organizer().get("/api/events/{e}/budget", nextYear).then().statusCode(200).body("lines", hasSize(3))
                .body("lines.description", equalTo(List.of("av costs", "Lunch buffet", "marketing costs")))
                .body("lines.find { it.description == 'Lunch buffet' }.kind", equalTo("PER_ATTENDEE"))
                .body("lines.find { it.description == 'Lunch buffet' }.unitAmount", equalTo(money("24.50")))
                .body("lines.find { it.description == 'Lunch buffet' }.costCentre", equalTo("MKT-EVENTS"))
                .body("lines.find { it.description == 'marketing costs' }.currency", equalTo("USD"))
                .body("lines.find { it.description == 'av costs' }.poNumber", equalTo(null))
                .body("lines.find { it.description == 'av costs' }.committed", equalTo(money("0.00")))
                .body("withdrawnLines", hasSize(0));
        List<Map<String, Object>> ledger = finance().get("/api/events/{e}/budget/ledger", nextYear).then()
                .statusCode(200).extract().path("entries");
        // (The lunch estimates nothing until people register: no entry for it yet.)
        assertThat(ledger).hasSize(2).allSatisfy(e -> assertThat(e.get("description").toString())
                .startsWith("line copied from the budget of event " + lastYear));
        // Last year's budget is as it was.
        organizer().get("/api/events/{e}/budget", lastYear).then().body("lines", hasSize(4))
                .body("lines.find { it.id == '" + lunch + "' }.description", equalTo("Lunch buffet"));
    }

    @Test
    void aCopyIsRefusedFromItsOwnBudgetAnUnseenOneOrIntoASubmittedOne() {
        UUID source = budgetedEvent();
        addLine(source, line("AV", "FIXED", "100.00", null));
        UUID target = budgetedEvent();
        organizer().body(Map.of("fromEventId", target)).post("/api/events/{e}/budget/lines/copies", target).then()
                .statusCode(400).body("errors.field", hasItem("fromEventId"));
        organizer().body(Map.of("fromEventId", "last-year")).post("/api/events/{e}/budget/lines/copies", target)
                .then().statusCode(400);
        organizer().body(Map.of("fromEventId", source, "withVendors", true))
                .post("/api/events/{e}/budget/lines/copies", target).then().statusCode(400);
        organizer().body(Map.of("fromEventId", UUID.randomUUID())).post("/api/events/{e}/budget/lines/copies", target)
                .then().statusCode(404);
        Api.as("organizer", "gina@globex.example", "globex").body(Map.of("fromEventId", source))
                .post("/api/events/{e}/budget/lines/copies", target).then().statusCode(404);
        Api.as("organizer", "otto.organizer@example.com").body(Map.of("fromEventId", source))
                .post("/api/events/{e}/budget/lines/copies", target).then().statusCode(403);
        addLine(target, line("STAFF", "FIXED", "50.00", null));
        organizer().post("/api/events/{e}/budget/submission", target).then().statusCode(200);
        organizer().body(Map.of("fromEventId", source)).post("/api/events/{e}/budget/lines/copies", target).then()
                .statusCode(409).body("type", containsString("budget-under-review"));
        organizer().get("/api/events/{e}/budget", target).then().body("lines", hasSize(1));
    }
}
