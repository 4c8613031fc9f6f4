package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AlertsAndRemindersTest {

    private static UUID scheduledEvent(String title) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(3)), "Europe/Bucharest", 60,
                Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        return eventId;
    }

    @Test
    void safetyAndInsuranceWarningsReachFacilityOnceAndACancellationReachesEveryoneAndStopsTheBriefings() {
        UUID eventId = scheduledEvent("Harbour gala");
        String facility = "fane-" + eventId + "@example.com";
        String finance = "finn-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Fane", "channel", "EMAIL", "address", facility,
                "language", "ro")).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Finn", "channel", "EMAIL", "address", finance))
                .statusCode(201);

        announce(VenueEvents.SAFETY_AT_RISK, eventId,
                new VenueEvents.SafetyAtRisk(eventId, UUID.randomUUID(), UUID.randomUUID(), 75, 60));
        UUID certificate = UUID.randomUUID();
        Instant validTo = TestClock.now().plus(Duration.ofDays(20));
        // The same certificate announced twice (e.g. the venue's daily check): one alert.
        announce(VenueEvents.INSURANCE_CERTIFICATE_EXPIRING, eventId, new VenueEvents.InsuranceCertificateExpiring(
                eventId, certificate, "Allianz", "P-1", "public liability", validTo, 20));
        announce(VenueEvents.INSURANCE_CERTIFICATE_EXPIRING, eventId, new VenueEvents.InsuranceCertificateExpiring(
                eventId, certificate, "Allianz", "P-1", "public liability", validTo, 19));
        // Budget decisions out of order: the rejection of revision 1 arrives after the approval of revision 2.
        announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 2,
                new BigDecimal("9000.00"), new BigDecimal("5.00"), "RON"));
        // (the rejection in version 1, naming who rejected: still read)
        announce(BudgetEvents.REJECTED_V1, eventId, new BudgetEvents.BudgetRejectedV1(eventId, 1, "too high",
                "fiona@example.com"));
        announce(BudgetEvents.SUBMITTED, eventId, new BudgetEvents.BudgetSubmitted(eventId, 2,
                new BigDecimal("9000.00"), "RON"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                .containsExactlyInAnyOrder("Alertă: Risc de siguranță — Harbour gala",
                        "Alertă: Certificatul de asigurare expiră în curând — Harbour gala"));
        // The budget's announcements are read on their own channel: they may land after the mail went out.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId)
                .body("budgetStatus", equalTo("APPROVED")).body("safetyAtRisk", equalTo(true)));
        assertThat(SmtpServer.messagesTo(finance)).isEmpty();

        announce(RegistrationEvents.EVENT_CANCELLED, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Harbour gala", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                SmtpServer.messagesTo(finance).stream().map(PreEventBriefingStoryTest::subject))
                .containsExactly("Alert: Event cancelled — Harbour gala"));
        briefings(eventId).body("eventStatus", equalTo("CANCELLED"))
                .body("briefings.status", everyItem(equalTo("CANCELLED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                .contains("Alertă: Eveniment anulat — Harbour gala").hasSize(3));
    }

    @Test
    void aFailedInspectionAlertsFacilityAndOrganizersOnceAndTheNextBriefingListsItWithItsCorrectiveAction()
            throws Exception {
        UUID eventId = scheduledEvent("Spring fair");
        String facility = "femke-" + eventId + "@example.com";
        String finance = "flo-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Femke", "channel", "EMAIL",
                "address", facility, "language", "nl")).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Flo", "channel", "EMAIL", "address", finance))
                .statusCode(201);
        try (WebhookReceiver organizers = new WebhookReceiver(0)) {
            organizers.trust(addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Planning board",
                    "channel", "WEBHOOK", "address", organizers.url())).statusCode(201)
                    .extract().<String>path("webhookSecret"));

            UUID inspectionId = UUID.randomUUID();
            Instant inspectedAt = TestClock.now().truncatedTo(ChronoUnit.MINUTES);
            var failed = new VenueEvents.InspectionFailed(eventId, inspectionId, UUID.randomUUID(), "Hall 2 access",
                    "ACCESSIBILITY", "frank.facility@example.com", inspectedAt, List.of(new VenueEvents.FailedItem(
                            UUID.randomUUID(), "Ramp at the side entrance", true, "ramp not delivered",
                            new VenueEvents.CorrectiveAction(UUID.randomUUID(), "hire a ramp", "Ruud (facilities)",
                                    inspectedAt.plus(Duration.ofDays(7))))));
            // Venue's relay publishes the announcement twice, as two records: still one alert.
            announce(VenueEvents.INSPECTION_FAILED, eventId, failed);
            announce(VenueEvents.INSPECTION_FAILED, eventId, failed);
            // An announcement without failed items breaks the contract: set aside, and the consumer moves on.
            announce(VenueEvents.INSPECTION_FAILED, eventId, new VenueEvents.InspectionFailed(eventId,
                    UUID.randomUUID(), UUID.randomUUID(), "Hall 2 access", "ACCESSIBILITY", "frank@example.com",
                    inspectedAt, List.of()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.records("notification-service.dead-letter", Duration.ofSeconds(2)).stream()
                            .filter(r -> eventId.toString().equals(r.key()))
                            .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                                    StandardCharsets.UTF_8)))
                    .containsExactly("inspection-failed needs inspectionId, inspectedAt and failed items"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    SmtpServer.messagesTo(facility).stream().map(PreEventBriefingStoryTest::subject))
                    .containsExactly("Waarschuwing: Inspectie afgekeurd — Spring fair"));
            MimeMessage dutch = SmtpServer.messagesTo(facility).get(0);
            assertThat(Stories.text(dutch)).contains("Hall 2 access (toegankelijkheid), geïnspecteerd door "
                    + "frank.facility@example.com, ")
                    .contains("- Ramp at the side entrance (verplicht): ramp not delivered — corrigerende maatregel: "
                            + "Ruud (facilities), uiterlijk ");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(organizers.received()).hasSize(1));
            assertThat(organizers.received().get(0).signatureValid()).isTrue();
            assertThat(organizers.received().get(0).body()).contains("\"type\":\"alert.raised\"")
                    .contains("\"kind\":\"INSPECTION_FAILED\"")
                    .contains("\"subject\":\"Alert: Inspection failed — Spring fair\"")
                    .contains("Ramp at the side entrance (mandatory): ramp not delivered");
            assertThat(SmtpServer.messagesTo(finance)).isEmpty();

            // The next briefing lists it, in the reader's language (here Romanian).
            String briefingId = briefings(eventId).extract().path("briefings[0].id");
            String romanian = given().header("Authorization", Stories.ORGANIZER).accept("text/plain")
                    .queryParam("lang", "ro").get("/api/events/{e}/briefings/{b}", eventId, briefingId).then()
                    .statusCode(200).extract().asString();
            assertThat(romanian).contains("Inspecții cu neconformități: \n- Hall 2 access (accesibilitate), "
                    + "inspectat de frank.facility@example.com, ")
                    .contains("\n  - Ramp at the side entrance (obligatoriu): ramp not delivered — "
                            + "acțiune corectivă: Ruud (facilities), termen ");
            given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/briefings/{b}", eventId,
                    briefingId).then().statusCode(200)
                    .body("facts.venue.failedInspections.inspectionId", equalTo(List.of(inspectionId.toString())))
                    .body("facts.venue.failedInspections[0].items[0].actionOwner", equalTo("Ruud (facilities)"));
            assertThat(organizers.received()).hasSize(1);
            assertThat(SmtpServer.messagesTo(facility)).hasSize(1);
        }
    }

    @Test
    void whoeverHasNotAcknowledgedADayLaterIsRemindedOnceAutomatically() {
        UUID eventId = scheduledEvent("Kick-off");
        String organizer = "oana-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Oana", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmtpServer.messagesTo(organizer))
                .hasSize(1));

        TestClock.advanceTo(TestClock.now().plus(Duration.ofDays(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                SmtpServer.messagesTo(organizer).stream().map(PreEventBriefingStoryTest::subject))
                .containsExactly("Pre-event briefing: Kick-off",
                        "Reminder: please acknowledge this briefing — Pre-event briefing: Kick-off"));
        TestClock.advanceTo(TestClock.now().plus(Duration.ofDays(1)));
        // The API acknowledgement works for the signed-in recipient, and nobody is reminded a second time.
        String briefingId = briefings(eventId).extract().path("briefings.find { it.onDemand }.id");
        given().header("Authorization", app.convene.backbone.testing.Tokens.bearer("organizer", organizer))
                .post("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then().statusCode(200)
                .body("first", equalTo(true));
        given().header("Authorization", app.convene.backbone.testing.Tokens.bearer("organizer", "someone@else.com"))
                .post("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(SmtpServer.messagesTo(organizer)).hasSize(2);
    }
}
