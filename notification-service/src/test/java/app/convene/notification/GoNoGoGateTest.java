package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class GoNoGoGateTest {
    private static final String CHECK = "checks.find { it.name == '%s' }.";

    private static ValidatableResponse gate(UUID eventId) {
        return given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/go-no-go", eventId).then();
    }

    private static String check(String name, String field) {
        return CHECK.formatted(name) + field;
    }

    private static UUID scheduledEvent(String title, Instant start) {
        UUID eventId = UUID.randomUUID();
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(4)), "Europe/Amsterdam", 120,
                Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        return eventId;
    }

    private static VenueEvents.ReadinessAssessed assessed(UUID eventId, long sequence, String room, String safe,
            String checklists, String inspection, String insurance) {
        List<VenueEvents.CheckAssessed> checks = List.of(
                new VenueEvents.CheckAssessed("room booked", room, "room: " + room),
                new VenueEvents.CheckAssessed("headcount within safe occupancy", safe, "safety: " + safe),
                new VenueEvents.CheckAssessed("checklists complete", checklists, "checklists: " + checklists),
                new VenueEvents.CheckAssessed("inspection signed off", inspection, "inspection: " + inspection),
                new VenueEvents.CheckAssessed("insurance covered", insurance, "insurance: " + insurance));
        return new VenueEvents.ReadinessAssessed(eventId, sequence,
                checks.stream().allMatch(c -> c.status().equals("MET")), checks, TestClock.now());
    }

    private static List<ConsumerRecord<String, String>> decisions(UUID eventId) {
        return KafkaBroker.records(Topics.NOTIFICATION, Duration.ofSeconds(3)).stream()
                .filter(r -> eventId.toString().equals(r.key()))
                .filter(r -> NotificationEvents.GO_NO_GO_CHANGED.name().equals(PreEventBriefingStoryTest.type(r)))
                .toList();
    }

    private static List<String> subjects(String address) {
        return SmtpServer.messagesTo(address).stream().map(PreEventBriefingStoryTest::subject).toList();
    }

    @Test
    void anEventGoesFromNoGoToGoAsTheBudgetIsApprovedTheRoomBookedTheInspectionSignedOffAndTheBriefingRead()
            throws Exception {
        Instant start = TestClock.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
        UUID eventId = scheduledEvent("Supplier day", start);
        String organizer = "olivia-" + eventId + "@example.com";
        String facility = "frida-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Olivia", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        addRecipient(eventId, Map.of("audience", "FACILITY", "name", "Frida", "channel", "EMAIL",
                "address", facility, "language", "sv")).statusCode(201);

        // The owner sets a minimum of 50; 60 are confirmed and 4 wait.
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("minimumAttendance", 50)).put("/api/events/{e}/go-no-go/target", eventId).then()
                .statusCode(200).body(check("seats", "status"), equalTo("NOT_MET"))
                .body(check("seats", "reason"), containsString("fewer than the minimum of 50"));
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 1, 120, 60, 4, 0, 0));
        announce(BudgetEvents.SUBMITTED, eventId, new BudgetEvents.BudgetSubmitted(eventId, 1,
                new BigDecimal("10300.00"), "EUR"));
        UUID firstAssessment = UUID.randomUUID();
        var noRoom = assessed(eventId, 1, "NOT_MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN");
        KafkaBroker.send(Stories.record(firstAssessment, VenueEvents.READINESS_ASSESSED, eventId, noRoom));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId).statusCode(200)
                .body("decision", equalTo("NO_GO"))
                .body("decisionDueAt", equalTo(start.minus(Duration.ofHours(48)).toString()))
                .body(check("seats", "status"), equalTo("MET"))
                .body(check("seats", "reason"), containsString("4 on the waiting list"))
                .body(check("seats", "source"), equalTo("registration"))
                .body(check("budget-approved", "status"), equalTo("NOT_MET"))
                .body(check("budget-approved", "source"), equalTo("budget"))
                .body(check("forecast-within-tolerance", "status"), equalTo("UNKNOWN"))
                .body(check("room-booked", "status"), equalTo("NOT_MET"))
                .body(check("room-booked", "source"), equalTo("venue"))
                .body(check("room-booked", "since"), notNullValue())
                .body(check("safe-occupancy", "status"), equalTo("UNKNOWN"))
                .body(check("briefing-acknowledged", "status"), equalTo("NOT_MET"))
                .body(check("briefing-acknowledged", "required"), equalTo(true)));
        String roomSince = gate(eventId).extract().path(check("room-booked", "since"));
        // An ops dashboard polls the decision with the tag of what it shows.
        String shown = gate(eventId).header("ETag", startsWith("W/\"")).extract().header("ETag");

        // A redelivered assessment, and an older one arriving late, change nothing.
        KafkaBroker.send(Stories.record(firstAssessment, VenueEvents.READINESS_ASSESSED, eventId, noRoom));
        announce(VenueEvents.READINESS_ASSESSED, eventId,
                assessed(eventId, 0, "MET", "MET", "MET", "MET", "MET"));
        Thread.sleep(2000);
        gate(eventId).body("decision", equalTo("NO_GO")).body(check("room-booked", "status"), equalTo("NOT_MET"))
                .body(check("room-booked", "since"), equalTo(roomSince));
        given().header("Authorization", Stories.ORGANIZER).header("If-None-Match", shown)
                .get("/api/events/{e}/go-no-go", eventId).then().statusCode(304).header("ETag", equalTo(shown));
        assertThat(decisions(eventId)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"decision\": \"NO_GO\"")
                        .contains("\"previousDecision\": null").contains("room-booked"));

        // Finance approves; the room is booked; the checklists are done but the inspection not yet signed off.
        announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                new BigDecimal("10000.00"), new BigDecimal("5.00"), "EUR"));
        announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 1, null,
                new BigDecimal("10300.00"), new BigDecimal("10300.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("60"), new BigDecimal("171.67"), "EUR"));
        announce(VenueEvents.READINESS_ASSESSED, eventId,
                assessed(eventId, 2, "MET", "MET", "MET", "NOT_MET", "MET"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId)
                .body("decision", equalTo("NO_GO"))
                .body(check("budget-approved", "status"), equalTo("MET"))
                .body(check("forecast-within-tolerance", "status"), equalTo("MET"))
                .body(check("room-booked", "status"), equalTo("MET"))
                .body(check("inspection-signed-off", "status"), equalTo("NOT_MET")));
        given().header("Authorization", Stories.ORGANIZER).header("If-None-Match", shown)
                .get("/api/events/{e}/go-no-go", eventId).then().statusCode(200)
                .header("ETag", not(equalTo(shown))).body("decision", equalTo("NO_GO"));
        announce(VenueEvents.READINESS_ASSESSED, eventId,
                assessed(eventId, 3, "MET", "MET", "MET", "MET", "MET"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId)
                .body(check("inspection-signed-off", "status"), equalTo("MET"))
                .body("checks.findAll { it.status != 'MET' }.name", equalTo(List.of("briefing-acknowledged"))));

        // The pre-event briefing goes out three days before; it shows the gate. Olivia and Frida acknowledge it.
        TestClock.advanceTo(start.minus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(briefingMail(organizer)).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(briefingMail(facility)).hasSize(1));
        String english = Stories.text(briefingMail(organizer).get(0));
        assertThat(english).contains("== Go/no-go: No go ==")
                .contains("- Briefing acknowledged: not met — no acknowledgement of the pre-event briefing yet from "
                        + "ORGANIZERS, FACILITY")
                .contains("- Budget approved: met — the budget is approved");
        assertThat(Stories.html(briefingMail(organizer).get(0))).contains("<h2>Go/no-go: No go</h2>")
                .contains("<li>Room booked: met").contains(">Room booked: met</text>");
        String swedish = Stories.text(briefingMail(facility).get(0));
        assertThat(swedish).contains("== Go/no-go: Stopp ==").contains("- Prognos inom toleransen: uppfyllt")
                .doesNotContain("10300");
        // The Swedish HTML names each check in Swedish, in the gate's list and in the traffic light's chart.
        String swedishHtml = Stories.html(briefingMail(facility).get(0));
        assertThat(swedishHtml).contains("<li>Lokal bokad: uppfyllt", "<li>Platser: uppfyllt",
                "<li>Inspektion godkänd: uppfyllt", "<li>Försäkringen täcker antalet deltagare: uppfyllt",
                "<li>Genomgången bekräftad: inte uppfyllt", ">Lokal bokad: uppfylld</text>",
                ">Genomgången bekräftad: inte uppfylld</text>")
                .doesNotContain("room-booked", "briefing-acknowledged", "insurance-covers-headcount");
        acknowledge(english);
        gate(eventId).body("decision", equalTo("NO_GO"))
                .body(check("briefing-acknowledged", "reason"),
                        equalTo("no acknowledgement of the pre-event briefing yet from FACILITY"));
        acknowledge(swedish);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId).body("decision", equalTo("GO"))
                .body(check("briefing-acknowledged", "status"), equalTo("MET")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(decisions(eventId)).hasSize(2));
        assertThat(decisions(eventId).get(1).value()).contains("\"previousDecision\": \"NO_GO\"")
                .contains("\"decision\": \"GO\"").contains("\"failingChecks\": []");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjects(organizer))
                .contains("Alert: Go/no-go decision changed — Supplier day"));
        MimeMessage alert = SmtpServer.messagesTo(organizer).stream()
                .filter(m -> PreEventBriefingStoryTest.subject(m).startsWith("Alert: Go/no-go")).findFirst()
                .orElseThrow();
        assertThat(Stories.text(alert)).contains("NO_GO → GO");
        // The facility audience is not sent the organizers' alert.
        assertThat(subjects(facility)).noneMatch(s -> s.contains("Go/no-go"));
    }

    /**
     * The gate holds a budget's figures as budget-service announces them, however large and to their currency's own
     * decimals: a forecast of 10^12 or more was set aside as a dead letter, and the gate kept judging the old one.
     */
    @Test
    void aForecastPastATrillionIsKeptToTheLastDecimalAndJudged() {
        UUID eventId = scheduledEvent("Sovereign summit", TestClock.now().plus(Duration.ofDays(30))
                .truncatedTo(ChronoUnit.HOURS));
        announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                new BigDecimal("2000000000000000.000"), new BigDecimal("5.00"), "KWD"));
        announce(BudgetEvents.FORECAST_CHANGED, eventId, new BudgetEvents.ForecastChanged(eventId, 1, null,
                new BigDecimal("2500000000000000.125"), new BigDecimal("2500000000000000.125"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("60"), new BigDecimal("41666666666666.669"), "KWD"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId)
                .body(check("forecast-within-tolerance", "status"), equalTo("NOT_MET"))
                .body(check("forecast-within-tolerance", "reason"), startsWith(
                        "forecast 2500000000000000.125 KWD, approved 2000000000000000.000 plus 5% tolerance: over by "
                                + "400000000000000.125")));
    }

    @Test
    void aDecisionStillNoGoInsideItsWindowIsEscalatedToTheLeadsOnce() throws Exception {
        Instant start = TestClock.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        UUID eventId = scheduledEvent("Harbour festival", start);
        String lead = "lars-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "LEADS", "name", "Lars", "channel", "EMAIL", "address", lead))
                .statusCode(201);
        announce(BudgetEvents.CREATED, eventId, new BudgetEvents.BudgetCreated(eventId, "DRAFT"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gate(eventId)
                .body("decision", equalTo("NO_GO")).body(check("budget-approved", "status"), equalTo("NOT_MET")));
        assertThat(subjects(lead)).isEmpty();

        TestClock.advanceTo(start.minus(Duration.ofHours(47)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjects(lead))
                .containsExactly("Alert: Go/no-go decision due and the event is not ready — Harbour festival"));
        assertThat(Stories.text(SmtpServer.messagesTo(lead).get(0))).contains("NO_GO").contains("budget-approved");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(subjects(lead)).hasSize(1));
    }

    @Test
    void theOrganisationsPolicyIsValidatedAndDecidesWhichChecksCount() {
        String organisation = "policy-" + UUID.randomUUID();
        String organizer = Tokens.bearer("organizer", "owen@example.com", organisation);
        given().header("Authorization", organizer).get("/api/go-no-go/policy").then().statusCode(200)
                .body("defaults", equalTo(true)).body("decisionDueBefore", equalTo("PT48H"))
                .body("requiredChecks", hasItems("seats", "budget-approved", "briefing-acknowledged"))
                .body("acknowledgingAudiences", equalTo(List.of("ORGANIZERS", "FACILITY")));

        given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Map.of("requiredChecks", List.of("seats", "catering"), "decisionDueBefore", "PT72H",
                        "acknowledgingAudiences", List.of("ORGANIZERS")))
                .put("/api/go-no-go/policy").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("requiredChecks[1]"))
                .body("errors[0].message", containsString("unknown check 'catering'"));
        given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Map.of("requiredChecks", List.of("seats"), "decisionDueBefore", "PT72H",
                        "acknowledgingAudiences", List.of("EVERYONE")))
                .put("/api/go-no-go/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("acknowledgingAudiences[0]"));
        given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Map.of("requiredChecks", List.of("seats"), "decisionDueBefore", "-PT1H",
                        "acknowledgingAudiences", List.of()))
                .put("/api/go-no-go/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("decisionDueBefore"));
        given().header("Authorization", Tokens.bearer("facility", "fay@example.com", organisation))
                .contentType(ContentType.JSON)
                .body(Map.of("requiredChecks", List.of("seats"), "decisionDueBefore", "PT72H",
                        "acknowledgingAudiences", List.of()))
                .put("/api/go-no-go/policy").then().statusCode(403).contentType("application/problem+json");

        // Only seats and the budget's approval decide for this organisation; its event is GO once approved.
        Map<String, Object> policy = Map.of("requiredChecks", List.of("seats", "budget-approved"),
                "decisionDueBefore", "PT72H", "acknowledgingAudiences", List.of());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", organizer).contentType(ContentType.JSON).body(policy)
                    .put("/api/go-no-go/policy").then().statusCode(200).body("defaults", equalTo(false))
                    .body("requiredChecks", equalTo(List.of("seats", "budget-approved")));
        }
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        Stories.schedule(eventId, "Owen's day", start, start.plusSeconds(3600), "Europe/Amsterdam", 40,
                new app.convene.backbone.event.EventAccess(organisation, "owen@example.com", false, List.of(),
                        List.of()));
        announce(BudgetEvents.APPROVED, eventId, new BudgetEvents.BudgetApproved(eventId, 1,
                new BigDecimal("500.00"), new BigDecimal("0"), "EUR"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", organizer)
                .get("/api/events/{e}/go-no-go", eventId).then().statusCode(200)
                .body("decision", equalTo("GO"))
                .body("decisionDueAt", equalTo(start.minus(Duration.ofHours(72)).toString()))
                .body(check("room-booked", "required"), equalTo(false))
                .body(check("room-booked", "status"), equalTo("UNKNOWN")));

        // acme's organizer does not see the other organisation's event, nor set its target.
        gate(eventId).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("minimumAttendance", 10)).put("/api/events/{e}/go-no-go/target", eventId).then()
                .statusCode(404);
        // A target must be a whole number of at least 0.
        given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Map.of("minimumAttendance", -1)).put("/api/events/{e}/go-no-go/target", eventId).then()
                .statusCode(400).body("errors[0].field", containsString("minimumAttendance"));
    }

    private static void acknowledge(String mailText) {
        Matcher link = Pattern.compile("/api/acknowledgements/([A-Za-z0-9_-]+)").matcher(mailText);
        assertThat(link.find()).isTrue();
        given().post("/api/acknowledgements/{t}", link.group(1)).then().statusCode(200);
    }

    private static List<MimeMessage> briefingMail(String address) {
        return SmtpServer.messagesTo(address).stream().filter(m -> {
            String subject = PreEventBriefingStoryTest.subject(m);
            return subject.contains("briefing:") || subject.startsWith("Genomgång");
        }).toList();
    }
}
