package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PostEventBriefingStoryTest {
    private static final String TITLE = "Partner summit <R&D>";

    @Test
    void theDayAfterLeadsAndOrganizersReadTurnoutActualsPerCategoryInspectionsFeedbackAndOpenActions()
            throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofHours(8));
        Stories.schedule(eventId, TITLE, start, end, "Europe/Amsterdam", 50, new EventAccess(Tokens.ORGANISATION,
                Stories.OWNER, false, List.of("sam.staff@example.com", "fred.staff@example.com",
                "tina.staff@example.com"), List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        String organizer = "olivia-" + eventId + "@example.com";
        String lead = "lotte-" + eventId + "@example.com";
        String facility = "frida-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Olivia", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        addRecipient(eventId, Map.of("audience", "LEADS", "name", "Lotte", "channel", "EMAIL", "address", lead,
                "language", "nl")).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Frida", "channel", "EMAIL",
                "address", facility, "language", "sv")).statusCode(201);

        // Registrations over time, then the roll after the event: 40 confirmed, 39 checked in, one no-show.
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 1, 50, 30, 0, 0, 0));
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 2, 50, 41, 2, 0, 0));
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 3, 50, 40, 2, 39, 1));
        announce(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                UUID.randomUUID(), "late@example.com", "CONFIRMED", start.minus(Duration.ofHours(2)), true));

        // The budget: an old version-1 forecast, then version 2 with its categories (one oddly named).
        announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                new BigDecimal("10000.00"), new BigDecimal("10.00"), "EUR"));
        announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 1, BigDecimal.ZERO,
                new BigDecimal("8000.00"), new BigDecimal("8000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("40"), new BigDecimal("200.00"), "EUR"));
        announce(BudgetEvents.FORECAST_CHANGED_V2, eventId, new BudgetEvents.ForecastChangedV2(eventId, 2,
                new BigDecimal("8000.00"), new BigDecimal("8500.00"), new BigDecimal("8100.00"),
                new BigDecimal("8500.00"), new BigDecimal("7900.00"), new BigDecimal("40"),
                new BigDecimal("212.50"), "EUR", List.of(
                        new BudgetEvents.CategoryFigures("VENUE", new BigDecimal("5000.00"),
                                new BigDecimal("5200.00"), new BigDecimal("5200.00"), new BigDecimal("5200.00")),
                        new BudgetEvents.CategoryFigures("CATERING", new BigDecimal("3000.00"),
                                new BigDecimal("3200.00"), new BigDecimal("3200.00"), new BigDecimal("2600.00")),
                        new BudgetEvents.CategoryFigures("Q&A <live>", new BigDecimal("100.00"),
                                new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("100.00")))));

        // The venue: the fire inspection failed two items; one action was closed, the other is still open.
        UUID fireChecklist = UUID.randomUUID();
        UUID fireInspection = UUID.randomUUID();
        UUID exitsAction = UUID.randomUUID();
        UUID bulbsAction = UUID.randomUUID();
        Instant inspectedAt = start.minus(Duration.ofDays(1));
        announce(VenueEvents.INSPECTION_RECORDED, eventId, new VenueEvents.InspectionRecorded(eventId,
                fireInspection, fireChecklist, "Fire safety", "FIRE_SAFETY", inspectedAt, 3, 2, 0));
        announce(VenueEvents.INSPECTION_FAILED, eventId, new VenueEvents.InspectionFailed(eventId, fireInspection,
                fireChecklist, "Fire safety", "FIRE_SAFETY", "frank@example.com", inspectedAt, List.of(
                        new VenueEvents.FailedItem(UUID.randomUUID(), "Emergency exits clear", true, null,
                                new VenueEvents.CorrectiveAction(exitsAction, "clear exit B", "Bob",
                                        start.minus(Duration.ofHours(4)))),
                        new VenueEvents.FailedItem(UUID.randomUUID(), "Spare bulbs in store", false, null,
                                new VenueEvents.CorrectiveAction(bulbsAction, "buy bulbs", "Bea",
                                        end.plus(Duration.ofDays(7)))))));
        announce(VenueEvents.CORRECTIVE_ACTION_CLOSED, eventId, new VenueEvents.CorrectiveActionClosed(eventId,
                exitsAction, UUID.randomUUID(), fireInspection, start.minus(Duration.ofHours(6))));
        announce(VenueEvents.INSPECTION_RECORDED, eventId, new VenueEvents.InspectionRecorded(eventId,
                UUID.randomUUID(), UUID.randomUUID(), "Stage AV", "AV", inspectedAt.plus(Duration.ofHours(1)), 4, 0,
                1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId)
                .body("headcount.checkedIn", equalTo(39)).body("budget.forecastTotal", equalTo(8500.0f)));

        // After the event, staff give feedback.
        TestClock.advanceTo(end.plus(Duration.ofHours(1)));
        feedback(eventId, "sam.staff@example.com", 5, "Smooth check-in");
        feedback(eventId, "fred.staff@example.com", 4, "Coffee ran out at 11");
        feedback(eventId, "tina.staff@example.com", 4, null);

        // The day after, the post-event briefing goes to the organizers and the leads; not to facility.
        TestClock.advanceTo(end.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(postEventMail(organizer)).hasSize(1));
        MimeMessage english = postEventMail(organizer).get(0);
        assertThat(PreEventBriefingStoryTest.subject(english)).isEqualTo("Post-event briefing: " + TITLE);
        String text = Stories.text(english);
        assertThat(text).contains("Registered (confirmed): 40").contains("Present (checked in): 39")
                .contains("No-shows: 1").contains("Late cancellations: 1")
                .contains("- venue: Estimated €5,000.00, Forecast €5,200.00, Actual €5,200.00, "
                        + "Actual − estimate €200.00")
                .contains("- catering: Estimated €3,000.00, Forecast €3,200.00, Actual €2,600.00, "
                        + "Actual − estimate -€400.00")
                .contains("- Q&A <live>: Estimated €100.00")
                .contains("Total: Estimated €8,100.00, Forecast €8,500.00, Actual €7,900.00, "
                        + "Actual − estimate -€200.00")
                .contains("Cost per attendee present: €202.56")
                .contains("- Fire safety (fire safety): Inspected 1, Latest ")
                .contains(": Passed 3, Failed 2, Not applicable 0")
                .contains("- Stage AV (audio-visual): Inspected 1, Latest ")
                .contains("Open action items: \n- Spare bulbs in store (Fire safety) — corrective action: Bea, due ")
                .doesNotContain("Emergency exits clear")
                .contains("- Corrective actions closed: not met").contains("- Latest inspections passed: not met")
                .contains("3 ratings, average 4.3").contains("5/5: 1\n").contains("4/5: 2\n").contains("1/5: 0\n")
                .contains("- 4/5 Coffee ran out at 11").contains("- 5/5 Smooth check-in")
                .contains("Headcount history: \n- ");
        String html = Stories.html(english);
        assertThat(html).contains("<h1>Post-event briefing: Partner summit &lt;R&amp;D&gt;</h1>")
                .doesNotContain("<R&D>").doesNotContain("Q&A <live>")
                .contains("<title id=\"chart-headcount-title\">Registrations and waiting list over time</title>")
                .contains("<title id=\"chart-budget-title\">Budget by category: estimate, forecast and actual</title>")
                .contains("Q&amp;A &lt;live&gt;, Actual: €100.00</title>")
                .contains("<title id=\"chart-readiness-title\">Readiness checks: not met</title>")
                .contains("class=\"series-confirmed\"").contains("<p>Cost per attendee present: €202.56</p>");

        // The lead reads it in Dutch.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(postEventMail(lead)).hasSize(1));
        MimeMessage dutch = postEventMail(lead).get(0);
        assertThat(PreEventBriefingStoryTest.subject(dutch)).isEqualTo("Briefing achteraf: " + TITLE);
        // Dutch writes a no-break space between the euro sign and the amount.
        assertThat(Stories.text(dutch).replace('\u00a0', ' ')).contains("Niet verschenen: 1")
                .contains("- catering: Geraamd € 3.000,00, Prognose € 3.200,00, Werkelijk € 2.600,00");
        assertThat(SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                .noneMatch(s -> s.startsWith("Genomgång efter"));

        // The JSON form carries the same post-event facts; facility read it without any budget figure.
        UUID briefingId = UUID.fromString(briefings(eventId).extract()
                .path("briefings.find { it.kind == 'POST_EVENT' }.id"));
        String raw = given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract()
                .asString();
        JsonPath json = JsonPath.from(raw);
        assertThat(json.getInt("postEvent.turnout.noShows")).isEqualTo(1);
        assertThat(json.getInt("postEvent.turnout.checkedIn")).isEqualTo(39);
        assertThat(json.getList("postEvent.budget.categories.category"))
                .containsExactly("VENUE", "CATERING", "Q&A <live>");
        // Money as exact decimals with the currency, never a float.
        assertThat(raw).contains("\"category\":\"CATERING\",\"estimate\":3000.00,"
                + "\"forecast\":3200.00,\"committed\":3200.00,\"actual\":2600.00,\"actualMinusEstimate\":-400.00")
                .contains("\"costPerAttendeePresent\":202.56").contains("\"currency\":\"EUR\"");
        assertThat(json.getList("postEvent.feedback.ratings")).containsExactly(0, 0, 0, 2, 1);
        assertThat(json.getList("postEvent.openActions.actionId")).containsExactly(bulbsAction.toString());
        assertThat(json.getList("postEvent.inspections.checklistName")).containsExactly("Fire safety", "Stage AV");
        assertThat(json.getList("postEvent.headcountHistory.confirmed")).containsExactly(30, 41, 40);
        String asFacility = given().header("Authorization", Tokens.bearer("facility", "frida@example.com"))
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract()
                .asString();
        assertThat(asFacility).contains("\"noShows\":1").doesNotContain("2600").doesNotContain("categories");
        String htmlAsFacility = given().header("Authorization", Tokens.bearer("facility", "frida@example.com"))
                .accept("text/html").queryParam("lang", "sv")
                .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract()
                .asString();
        assertThat(htmlAsFacility).contains("<h1>Genomgång efter evenemanget: ").contains("Uteblivna")
                .doesNotContain("chart-budget-title").doesNotContain("2\u00a0600");
    }

    private static void feedback(UUID eventId, String staff, int rating, String comment) {
        Map<String, Object> body = comment == null ? Map.of("rating", rating)
                : Map.of("rating", rating, "comment", comment);
        given().header("Authorization", Tokens.bearer("organizer", staff)).contentType(ContentType.JSON).body(body)
                .post("/api/events/{e}/feedback", eventId).then().statusCode(201);
    }

    private static List<MimeMessage> postEventMail(String address) {
        return SmtpServer.messagesTo(address).stream().filter(m -> {
            String subject = PreEventBriefingStoryTest.subject(m);
            return subject.startsWith("Post-event briefing") || subject.startsWith("Briefing achteraf");
        }).toList();
    }
}
