package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Facility read and receive briefings without the budget: no section, no figure, in any form. */
@QuarkusTest
class FacilityBriefingTest {
    private static final String FACILITY = Tokens.bearer("facility", "frank.facility@example.com");
    private static final String FINANCE = Tokens.bearer("finance", "fiona.finance@example.com");
    /** Every budget figure of the story, as English and Swedish write them, and as the JSON facts carry them. */
    private static final List<String> FIGURES = List.of("12,500", "13,800", "1,300", "172.50", "12500", "13800",
            "12\u00a0500", "13\u00a0800", "€");

    @Test
    void facilityAreSentAndReadTheBriefingWithoutBudgetFiguresWhileOrganizersAndFinanceHaveThem() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(45)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Warehouse open day", start, start.plus(Duration.ofHours(6)), "Europe/Stockholm",
                90, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        String organizer = "otto-" + eventId + "@example.com";
        String facility = "fia-" + eventId + "@example.com";
        String facilitySwedish = "folke-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Otto", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Fia", "channel", "EMAIL",
                "address", facility)).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Folke", "channel", "EMAIL",
                "address", facilitySwedish, "language", "sv")).statusCode(201);
        try (WebhookReceiver facilitySystem = new WebhookReceiver(0)) {
            facilitySystem.trust(addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Facility desk",
                    "channel", "WEBHOOK", "address", facilitySystem.url())).statusCode(201)
                    .extract().<String>path("webhookSecret"));

            announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                    new BigDecimal("12500.00"), new BigDecimal("10.00"), "EUR"));
            announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 1,
                    new BigDecimal("12000.00"), new BigDecimal("13800.00"), new BigDecimal("13000.00"),
                    new BigDecimal("9000.00"), BigDecimal.ZERO, new BigDecimal("80"), new BigDecimal("172.50"),
                    "EUR"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(eventId)
                    .body("budgetStatus", equalTo("APPROVED")).body("budget.forecastTotal", equalTo(13800.0f)));

            String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                    .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                    .statusCode(201).body("facts.budget.forecastTotal", equalTo(13800.0f)).extract().path("id");

            // What is sent: the organizer's mail has the budget, facility's mails and webhook have none of it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(SmtpServer.messagesTo(organizer)).hasSize(1);
                assertThat(SmtpServer.messagesTo(facility)).hasSize(1);
                assertThat(SmtpServer.messagesTo(facilitySwedish)).hasSize(1);
                assertThat(facilitySystem.received()).hasSize(1);
            });
            assertThat(Stories.text(SmtpServer.messagesTo(organizer).get(0))).contains("== Budget ==")
                    .contains("Approved: €12,500.00").contains("Forecast: €13,800.00")
                    .contains("Cost per attendee: €172.50");
            assertNoBudget(SmtpServer.messagesTo(facility).get(0), "Confirmed: 0", "Budget");
            assertNoBudget(SmtpServer.messagesTo(facilitySwedish).get(0), "Bekräftade: 0", "Budget");
            WebhookReceiver.Received hook = facilitySystem.received().get(0);
            assertThat(hook.signatureValid()).isTrue();
            assertThat(hook.body()).contains("\"budget\":null").contains("Warehouse open day");
            assertThat(FIGURES).noneMatch(hook.body()::contains);

            // What is read: facility get the digest and the briefing without the budget, in JSON, text and HTML.
            given().header("Authorization", FACILITY).get("/api/events/{e}/briefings", eventId).then()
                    .statusCode(200).body("title", equalTo("Warehouse open day"))
                    .body("budgetStatus", nullValue()).body("budget", nullValue());
            String json = given().header("Authorization", FACILITY).accept("application/json")
                    .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200)
                    .body("facts.budget", nullValue()).body("facts.title", equalTo("Warehouse open day"))
                    .extract().asString();
            assertThat(FIGURES).noneMatch(json::contains);
            for (String type : List.of("text/plain", "text/html")) {
                String rendered = given().header("Authorization", FACILITY).accept(type).queryParam("lang", "en")
                        .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200)
                        .extract().asString();
                // The gate names its budget checks ("Budget approved"), without their reasons; no budget section.
                assertThat(rendered).as(type).contains("Warehouse open day")
                        .doesNotContain("== Budget ==", "<h2>Budget</h2>", "Forecast:", "<th>Forecast</th>")
                        .doesNotContain("Cost per attendee");
                assertThat(FIGURES).as(type).noneMatch(rendered::contains);
            }
            // Finance and organizers read the figures.
            given().header("Authorization", FINANCE).accept("application/json")
                    .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200)
                    .body("facts.budget.approvedTotal", equalTo(12500.0f));
            assertThat(given().header("Authorization", FINANCE).accept("text/plain")
                    .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract()
                    .asString()).contains("Forecast: €13,800.00");
            given().header("Authorization", FINANCE).get("/api/events/{e}/briefings", eventId).then()
                    .body("budget.approvedTotal", equalTo(12500.0f));

            // Reminders are rendered per audience too.
            given().header("Authorization", Stories.ORGANIZER)
                    .post("/api/events/{e}/briefings/{b}/reminders", eventId, briefingId).then().statusCode(200)
                    .body("reminded", equalTo(4));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(SmtpServer.messagesTo(facility)).hasSize(2);
                assertThat(facilitySystem.received()).hasSize(2);
            });
            assertNoBudget(SmtpServer.messagesTo(facility).get(1), "Confirmed: 0", "Budget");
            assertThat(FIGURES).noneMatch(facilitySystem.received().get(1).body()::contains);
        }
    }

    private static void assertNoBudget(MimeMessage message, String stillThere, String heading) throws Exception {
        String text = Stories.text(message);
        String html = Stories.html(message);
        assertThat(text).contains(stillThere).doesNotContain("== " + heading + " ==");
        assertThat(html).doesNotContain("<h2>" + heading + "</h2>");
        assertThat(FIGURES).noneMatch(text::contains);
        assertThat(FIGURES).noneMatch(html::contains);
    }
}
