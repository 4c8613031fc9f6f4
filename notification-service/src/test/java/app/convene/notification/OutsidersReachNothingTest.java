package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.OperationProbe;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every operation of the notification API, called by someone who must not reach acme's event (or acme's venue's
 * partner mail): staff of another organisation (globex), and an attendee of acme who holds no registration for it.
 * None answers 2xx, none shows any of the event's data, and nothing of the event changes.
 */
@QuarkusTest
class OutsidersReachNothingTest {
    private static final String GLOBEX_SUBJECT = "gina@globex.example";
    private static final String PROBE_WEBHOOK = "https://probe.globex.example/hook";

    private UUID eventId;
    private String title;
    private String recipientEmail;
    private String webhookUrl;
    private String feedbackText;
    private String feedbackId;
    private String briefingId;
    private String recipientId;
    private WebhookReceiver receiver;
    private UUID venueId;
    private String partnerEmail;

    /** acme's event with recipients, a generated and acknowledged briefing, its deliveries and feedback. */
    @BeforeEach
    void acmesEventWithEverythingHangingOffIt() {
        eventId = UUID.randomUUID();
        title = "Acme merger offsite " + eventId.toString().substring(0, 8);
        recipientEmail = "acme-secret-" + eventId + "@example.com";
        feedbackText = "The CFO's slides on the merger " + eventId;
        Instant start = TestClock.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(8)), "Europe/Stockholm", 50,
                Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));

        recipientId = addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Owen", "channel", "EMAIL",
                "address", recipientEmail)).statusCode(201).extract().path("id");
        receiver = new WebhookReceiver(0);
        webhookUrl = receiver.url() + "/" + eventId;
        receiver.trust(addRecipient(eventId, Map.of("audience", "FINANCE", "name", "Ledger", "channel", "WEBHOOK",
                "address", webhookUrl)).statusCode(201).extract().path("webhookSecret"));
        briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmtpServer.messagesTo(recipientEmail))
                .hasSize(1));
        given().header("Authorization", Tokens.bearer("organizer", recipientEmail))
                .post("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then().statusCode(200);
        feedbackId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("rating", 4, "comment", feedbackText)).post("/api/events/{e}/feedback", eventId).then()
                .statusCode(201).extract().path("id");

        // acme's venue closes; its subscribed partner is mailed, so the venue has a partner-mail log.
        venueId = UUID.randomUUID();
        partnerEmail = "acme-partner-" + eventId + "@example.com";
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, new VenueEvents.VenueNotice(
                UUID.randomUUID(), venueId, "Acme Hall", Tokens.ORGANISATION, "CLOSURE", null, null, null, start,
                start.plus(Duration.ofDays(1)), "Acme strike", List.of(new VenueEvents.PartnerContact(
                        UUID.randomUUID(), "Pia", partnerEmail, "en")), TestClock.now(), UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmtpServer.messagesTo(partnerEmail))
                .hasSize(1));
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void staffOfAnotherOrganisationReachNoneOfAcmesEventWhateverTheirRole() {
        for (String role : List.of("organizer", "facility", "finance")) {
            probe(Tokens.bearer(role, GLOBEX_SUBJECT, "globex"), role + " of globex");
        }
        nothingChanged();
    }

    @Test
    void anAttendeeOfAcmeWithoutARegistrationReachesNoneOfIt() {
        probe(Tokens.bearer("attendee", "ann.attendee@example.com"), "acme attendee");
        nothingChanged();
    }

    @Test
    void globexsOwnerCannotReachAcmesBriefingOrRecipientThroughHerOwnEvent() {
        UUID globexEvent = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(31)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(globexEvent, "Globex planning", start, start.plus(Duration.ofHours(2)), "Europe/London", 10,
                new EventAccess("globex", GLOBEX_SUBJECT, false, List.of(), List.of()));
        String gina = Tokens.bearer("organizer", GLOBEX_SUBJECT, "globex");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", gina)
                .get("/api/events/{e}/briefings", globexEvent).then().statusCode(200));

        List<io.restassured.response.Response> answers = List.of(
                given().header("Authorization", gina).accept("application/json")
                        .get("/api/events/{e}/briefings/{b}", globexEvent, briefingId),
                given().header("Authorization", gina).accept("text/plain")
                        .get("/api/events/{e}/briefings/{b}", globexEvent, briefingId),
                given().header("Authorization", gina)
                        .get("/api/events/{e}/briefings/{b}/deliveries", globexEvent, briefingId),
                given().header("Authorization", gina)
                        .get("/api/events/{e}/briefings/{b}/acknowledgements", globexEvent, briefingId),
                given().header("Authorization", gina)
                        .post("/api/events/{e}/briefings/{b}/acknowledgements", globexEvent, briefingId),
                given().header("Authorization", gina)
                        .post("/api/events/{e}/briefings/{b}/reminders", globexEvent, briefingId),
                given().header("Authorization", gina)
                        .delete("/api/events/{e}/recipients/{r}", globexEvent, recipientId));
        for (var answer : answers) {
            answer.then().statusCode(404).contentType("application/problem+json");
            assertThat(answer.asString()).doesNotContain(title).doesNotContain(recipientEmail)
                    .doesNotContain(webhookUrl).doesNotContain(feedbackText);
        }
        nothingChanged();
    }

    /**
     * Two runs. The first calls every operation on the real ids and looks for the event's data. The second fills the
     * briefing and recipient parameters with ids that exist nowhere, so that an answer echoing its own request path
     * cannot hide one that gives away the real briefing or recipient id (e.g. a list of the event's briefings).
     */
    private void probe(String bearer, String who) {
        OperationProbe.Report onTheObject = probeOf(briefingId, recipientId, feedbackId)
                .secret(title, recipientEmail, webhookUrl, feedbackText, Stories.OWNER, partnerEmail).run(bearer);
        OperationProbe.Report idsGiveAway = probeOf(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString())
                .secret(title, recipientEmail, webhookUrl, feedbackText, briefingId, recipientId, feedbackId,
                        partnerEmail)
                .run(bearer);
        assertThat(onTheObject.calls()).as(who).hasSizeGreaterThanOrEqualTo(16);
        onTheObject.assertNothingReached();
        idsGiveAway.assertNothingReached();
    }

    private OperationProbe probeOf(String briefing, String recipient, String feedback) {
        return OperationProbe.create()
                .skip("GET /api/privacy/people/{email}", "an address is no object of an organisation: "
                        + "another organisation's caller gets its own organisation's export; ErasureTest shows it "
                        + "holds nothing of acme")
                .path("eventId", eventId).path("briefingId", briefing).path("recipientId", recipient)
                .path("feedbackId", feedback)
                .path("venueId", venueId).path("messageId", UUID.randomUUID().toString())
                .body("POST /api/events/{eventId}/attendee-mail/messages",
                        "{\"subject\":\"Probe\",\"body\":\"probe\",\"audience\":\"REGISTERED\"}")
                .body("POST /api/events/{eventId}/briefings", "{\"kind\":\"PRE_EVENT\"}")
                .body("PUT /api/events/{eventId}/briefing-schedule",
                        "{\"preEventOffsets\":[\"P2D\"],\"postEventOffset\":\"P1D\"}")
                .body("POST /api/events/{eventId}/recipients", "{\"audience\":\"ORGANIZERS\",\"name\":\"Probe\","
                        + "\"channel\":\"WEBHOOK\",\"address\":\"" + PROBE_WEBHOOK + "\"}")
                .body("POST /api/events/{eventId}/feedback", "{\"rating\":1,\"comment\":\"probe\"}")
                .skip("POST /api/acknowledgements/{token}", "the personal link's token is the credential (no bearer"
                        + " token); a forged token answers 404, see PreEventBriefingStoryTest")
                .skip("GET /api/acknowledgements/{token}", "a static page with a button, the same for every token;"
                        + " it reads nothing")
                .body("PUT /api/events/{eventId}/attendee-mail", "{\"reminderBefore\":\"PT1H\"}")
                .skip("POST /api/attendee-mail/unsubscribe/{token}", "the reminder's personal link is the credential"
                        + " (no bearer token); a forged token answers 404, see AttendeeMailTest")
                .skip("GET /api/attendee-mail/unsubscribe/{token}", "a static page with a button, the same for every"
                        + " token; it reads nothing");
    }

    /** The owner still finds exactly what was there: no recipient, briefing or feedback was added or removed. */
    private void nothingChanged() {
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/recipients", eventId).then()
                .statusCode(200).body("", hasSize(2)).body("address", containsInAnyOrder(recipientEmail, webhookUrl));
        Stories.briefings(eventId).statusCode(200).body("briefings.findAll { it.onDemand }", hasSize(1))
                .body("preEventOffsets", equalTo(List.of("PT72H", "PT24H")));
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/feedback", eventId).then()
                .statusCode(200).body("feedback.comment", equalTo(List.of(feedbackText)));
        given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then().statusCode(200)
                .body("acknowledged.address", equalTo(List.of(recipientEmail)));
        List<Map<String, Object>> audit = given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/audit", eventId).then().statusCode(200).extract().path("entries");
        assertThat(audit).allSatisfy(entry -> assertThat(entry.get("actor"))
                .isIn(Stories.OWNER, recipientEmail));
        given().header("Authorization", Stories.ORGANIZER).get("/api/venues/{v}/partner-mail/deliveries", venueId)
                .then().statusCode(200).body("deliveries.recipient", equalTo(List.of(partnerEmail)));
    }
}
