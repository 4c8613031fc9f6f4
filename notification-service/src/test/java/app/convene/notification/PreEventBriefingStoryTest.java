package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.CloudEventHeaders;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PreEventBriefingStoryTest {

    @Test
    void afterRegistrationsABudgetChangeAndAFailedInspectionStaffGetTheFullPreEventBriefing() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofHours(8));
        Stories.schedule(eventId, "Partner summit", start, end, "Europe/Stockholm", 100, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));

        String organizer = "olivia-" + eventId + "@example.com";
        String facility = "frida-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Olivia", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Frida", "channel", "EMAIL",
                "address", facility, "language", "sv")).statusCode(201);
        try (WebhookReceiver finance = new WebhookReceiver(1)) {
            String secret = addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Finance system",
                    "channel", "WEBHOOK", "address", finance.url())).statusCode(201)
                    .extract().path("webhookSecret");
            assertThat(secret).startsWith("whsec_");
            finance.trust(secret);

            // Registrations: the newer headcount arrives first; the older one must not undo it.
            announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                    new RegistrationEvents.HeadcountChanged(eventId, 5, 100, 80, 6, 0, 0));
            announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                    new RegistrationEvents.HeadcountChanged(eventId, 3, 100, 50, 0, 0, 0));
            UUID lateCancellation = UUID.randomUUID();
            var cancelled = new RegistrationEvents.RegistrationCancelled(eventId, UUID.randomUUID(),
                    "late@example.com", "CONFIRMED", Instant.now(), true);
            KafkaBroker.send(Stories.record(lateCancellation, RegistrationEvents.CANCELLED, eventId, cancelled));
            KafkaBroker.send(Stories.record(lateCancellation, RegistrationEvents.CANCELLED, eventId, cancelled));

            // The budget: approved, then the forecast rises over it (an older forecast arrives late).
            announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                    new BigDecimal("12500.00"), new BigDecimal("10.00"), "EUR"));
            announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 7,
                    new BigDecimal("12000.00"), new BigDecimal("13800.00"), new BigDecimal("13000.00"),
                    new BigDecimal("9000.00"), BigDecimal.ZERO, new BigDecimal("80"), new BigDecimal("172.50"),
                    "EUR"));
            announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 6,
                    new BigDecimal("11000.00"), new BigDecimal("12000.00"), new BigDecimal("12000.00"),
                    new BigDecimal("8000.00"), BigDecimal.ZERO, new BigDecimal("50"), new BigDecimal("240.00"),
                    "EUR"));
            announce(BudgetEvents.THRESHOLD_EXCEEDED, eventId, new BudgetEvents.ThresholdExceeded(eventId,
                    "APPROVED_TOTAL", new BigDecimal("12500.00"), new BigDecimal("13800.00"),
                    new BigDecimal("12500.00"), new BigDecimal("10.00"), "EUR", 1));

            // The venue: the fire inspection failed (the record delivered twice), so the venue is no longer ready.
            Instant inspectedAt = start.minus(Duration.ofDays(5)).plus(Duration.ofMinutes(90));
            Instant exitsDue = start.minus(Duration.ofDays(2));
            UUID inspectionId = UUID.randomUUID();
            UUID inspectionFailed = UUID.randomUUID();
            var inspection = new VenueEvents.InspectionFailed(eventId, inspectionId, UUID.randomUUID(),
                    "Fire safety", "FIRE_SAFETY", "frank.facility@example.com", inspectedAt, List.of(
                            new VenueEvents.FailedItem(UUID.randomUUID(), "Emergency exits clear", true,
                                    "pallets stacked at exit B", new VenueEvents.CorrectiveAction(UUID.randomUUID(),
                                            "clear exit B", "Bob (maintenance)", exitsDue)),
                            new VenueEvents.FailedItem(UUID.randomUUID(), "Spare bulbs in store", false, null,
                                    null)));
            KafkaBroker.send(Stories.record(inspectionFailed, VenueEvents.INSPECTION_FAILED, eventId, inspection));
            KafkaBroker.send(Stories.record(inspectionFailed, VenueEvents.INSPECTION_FAILED, eventId, inspection));
            announce(VenueEvents.READINESS_CHANGED, eventId, new VenueEvents.ReadinessChanged(eventId, false,
                    "fire inspection failed: emergency exit blocked"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId)
                    .body("headcount.confirmed", equalTo(80)).body("headcount.waitlisted", equalTo(6))
                    .body("budgetStatus", equalTo("APPROVED"))
                    .body("budget.forecastTotal", equalTo(13800.0f))
                    .body("venueReady", equalTo(false)));

            // Immediate alerts: the organizer hears of the threshold and the failed inspection at once, the
            // facility of the failed inspection (once, though delivered twice) and of the venue no longer ready.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    SmtpServer.messagesTo(organizer).stream().map(PreEventBriefingStoryTest::subject))
                    .containsExactlyInAnyOrder("Alert: Budget threshold exceeded — Partner summit",
                            "Alert: Inspection failed — Partner summit",
                            "Alert: Venue no longer ready — Partner summit"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                    .containsExactlyInAnyOrder("Larm: Inspektion underkänd — Partner summit",
                            "Larm: Lokalen är inte längre redo — Partner summit"));
            MimeMessage inspectionAlert = SmtpServer.messagesTo(facility).stream()
                    .filter(m -> subject(m).startsWith("Larm: Inspektion underkänd")).findFirst().orElseThrow();
            assertThat(Stories.text(inspectionAlert).strip())
                    .contains("Fire safety (brandskydd), inspekterad av frank.facility@example.com, "
                            + when(inspectedAt, "sv"))
                    .contains("- Emergency exits clear (obligatorisk): pallets stacked at exit B — åtgärd: "
                            + "Bob (maintenance), senast " + when(exitsDue, "sv"))
                    .endsWith("\n- Spare bulbs in store");

            // Three days before the start, the first pre-event briefing becomes due.
            TestClock.advanceTo(start.minus(Duration.ofDays(3)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(briefingMail(organizer)).hasSize(1));
            MimeMessage english = briefingMail(organizer).get(0);
            String text = Stories.text(english);
            assertThat(text).contains("Pre-event briefing: Partner summit")
                    .contains("Confirmed: 80").contains("Waitlisted: 6").contains("Late cancellations: 1")
                    .contains("Approved: €12,500.00").contains("Forecast: €13,800.00")
                    .contains("Variance against approved: €1,300.00").contains("Cost per attendee: €172.50")
                    .contains("APPROVED_TOTAL: €13,800.00 > €12,500.00")
                    .contains("Not ready: fire inspection failed: emergency exit blocked")
                    .contains("Failed inspections: \n- Fire safety (fire safety), inspected by "
                            + "frank.facility@example.com, " + when(inspectedAt, "en") + "\n"
                            + "  - Emergency exits clear (mandatory): pallets stacked at exit B — corrective action: "
                            + "Bob (maintenance), due " + when(exitsDue, "en") + "\n"
                            + "  - Spare bulbs in store\n")
                    .contains("(Europe/Stockholm)");
            assertThat(Stories.html(english)).contains("<h1>Pre-event briefing: Partner summit</h1>")
                    .contains("<td>80</td>").contains("<h3>Failed inspections</h3>")
                    .contains("<li>Emergency exits clear (mandatory): pallets stacked at exit B");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(briefingMail(facility)).hasSize(1));
            MimeMessage swedish = briefingMail(facility).get(0);
            assertThat(subject(swedish)).isEqualTo("Genomgång inför evenemanget: Partner summit");
            // Facility are not sent the budget: no section, no figure.
            assertThat(Stories.text(swedish)).contains("Bekräftade: 80")
                    .doesNotContain("Prognos:").doesNotContain("13\u00a0800,00\u00a0€").doesNotContain("12\u00a0500")
                    .contains("Inte redo: fire inspection failed")
                    .contains("Underkända inspektioner: \n- Fire safety (brandskydd), inspekterad av")
                    .contains("  - Emergency exits clear (obligatorisk): pallets stacked at exit B — åtgärd: "
                            + "Bob (maintenance), senast " + when(exitsDue, "sv"));

            // The finance system's receiver refused the first attempt; the retry carried the same webhook-id.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(finance.received().stream()
                    .filter(r -> r.body().contains("briefing.sent")).toList()).hasSize(2));
            List<WebhookReceiver.Received> briefingHooks = finance.received().stream()
                    .filter(r -> r.body().contains("briefing.sent")).toList();
            assertThat(briefingHooks).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(briefingHooks.get(0).id()).isEqualTo(briefingHooks.get(1).id());
            assertThat(briefingHooks.get(1).body()).contains("\"confirmed\":80").contains("\"forecastTotal\":13800.00")
                    .contains("\"failedInspections\":[{\"inspectionId\":\"" + inspectionId + "\"")
                    .contains("\"description\":\"Emergency exits clear\",\"mandatory\":true");

            UUID briefingId = UUID.fromString(briefings(eventId).extract().path("briefings[0].id"));
            // The organizer reads the same briefing in Swedish, amounts as Swedish writes them.
            assertThat(given().header("Authorization", Stories.ORGANIZER).accept("text/plain").queryParam("lang", "sv")
                    .get("/api/events/{e}/briefings/{b}", eventId, briefingId).then().statusCode(200).extract()
                    .asString()).contains("Prognos: 13\u00a0800,00\u00a0€");
            briefings(eventId).body("briefings[0].status", equalTo("SENT"))
                    .body("briefings[1].status", equalTo("SCHEDULED"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header("Authorization", Stories.ORGANIZER)
                    .get("/api/events/{e}/briefings/{b}/deliveries", eventId, briefingId).then().statusCode(200)
                    .body("find { it.channel == 'WEBHOOK' }.status", equalTo("DELIVERED"))
                    .body("find { it.channel == 'WEBHOOK' }.attempts", equalTo(2))
                    .body("find { it.channel == 'WEBHOOK' }.log[0].succeeded", equalTo(false))
                    .body("find { it.channel == 'WEBHOOK' }.log[0].detail", equalTo(
                            "HTTP 500")));

            // Olivia acknowledges through her personal link; Frida and the finance system have not.
            Matcher link = java.util.regex.Pattern.compile("/api/acknowledgements/([A-Za-z0-9_-]+)").matcher(text);
            assertThat(link.find()).isTrue();
            given().post("/api/acknowledgements/{t}", link.group(1)).then().statusCode(200)
                    .body("first", equalTo(true)).body("briefingId", equalTo(briefingId.toString()));
            given().post("/api/acknowledgements/{t}", link.group(1)).then().statusCode(200)
                    .body("first", equalTo(false));
            given().post("/api/acknowledgements/{t}", "forged-token").then().statusCode(404)
                    .contentType("application/problem+json");
            given().header("Authorization", Stories.ORGANIZER)
                    .get("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then()
                    .statusCode(200).body("acknowledged.name", equalTo(List.of("Olivia")))
                    .body("pending.name", equalTo(List.of("Finance system", "Frida")));

            given().header("Authorization", Stories.ORGANIZER)
                    .post("/api/events/{e}/briefings/{b}/reminders", eventId, briefingId).then()
                    .statusCode(200).body("reminded", equalTo(2));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                    .contains("Påminnelse: bekräfta att du har läst genomgången — Genomgång inför evenemanget: "
                            + "Partner summit"));
            assertThat(briefingMail(organizer)).hasSize(1);

            // What notification announced about it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(5)).stream()
                            .filter(r -> eventId.toString().equals(r.key())).map(PreEventBriefingStoryTest::type))
                    .contains("notification.briefing-scheduled.v1", "notification.alert-raised.v1",
                            "notification.briefing-sent.v1", "notification.briefing-acknowledged.v1"));
            assertThat(KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(5)).stream()
                    .filter(r -> eventId.toString().equals(r.key()))
                    .filter(r -> r.value().contains("INSPECTION_FAILED")).toList()).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("Fire safety (FIRE_SAFETY)")
                            .contains("Emergency exits clear (pallets stacked at exit B); Spare bulbs in store"));
        }
    }

    private static List<MimeMessage> briefingMail(String address) {
        return SmtpServer.messagesTo(address).stream()
                .filter(m -> subject(m).contains("briefing:") || subject(m).startsWith("Genomgång")).toList();
    }

    /** A time as the briefings write it for the reader: in the event's zone, in the reader's language. */
    private static String when(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language)).format(instant.atZone(ZoneId.of("Europe/Stockholm")));
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
    }
}
