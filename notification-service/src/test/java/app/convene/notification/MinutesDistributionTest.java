package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Approved minutes reach the meeting's attendees and its distribution list, each in their own language, once per
 * revision however often the announcement arrives; a correction goes out again, marked as one.
 */
@QuarkusTest
class MinutesDistributionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void approvedMinutesGoToEachAttendeeAndTheDistributionListInTheirLanguageOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Styrelsemöte", start, start.plus(Duration.ofHours(2)), "Europe/Stockholm", 10,
                Stories.ownedByOlivia(), "sv"));
        await().atMost(PATIENCE).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        String sara = "sara-" + eventId + "@example.com";
        String ed = "ed-" + eventId + "@example.com";
        String nora = "nora-" + eventId + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                UUID.randomUUID(), sara, TestClock.now(), null));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                UUID.randomUUID(), ed, TestClock.now(), "en"));
        Stories.addRecipient(eventId, Map.of("audience", "LEADS", "name", "Nora", "channel", "EMAIL",
                "address", nora, "language", "nl")).statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(sara)).isNotEmpty();
            assertThat(Stories.subjectsTo(ed)).isNotEmpty();
        });

        UUID budgetItem = UUID.randomUUID();
        RegistrationEvents.ActionItemSummary action = new RegistrationEvents.ActionItemSummary(UUID.randomUUID(),
                eventId, "Skicka budgeten till ekonomi", "ann@example.com", LocalDate.of(2027, 9, 27), "OPEN");
        RegistrationEvents.MinutesApproved approved = new RegistrationEvents.MinutesApproved(eventId, null,
                "Styrelsemöte", start, 1, "chris.chair@example.com", TestClock.now(), List.of(
                        new RegistrationEvents.MinutesEntry(budgetItem, "Budget Q3", "CFO presenterade siffrorna.",
                                List.of(new RegistrationEvents.Decision("Godkänn budgeten", "CARRIED", 5, 1, 0))),
                        new RegistrationEvents.MinutesEntry(null, null, "Inget övrigt.", List.of())),
                List.of(action));
        Stories.twice(RegistrationEvents.MINUTES_APPROVED, eventId, approved);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(sara)).contains("Protokoll: Styrelsemöte");
            assertThat(Stories.subjectsTo(ed)).contains("Minutes: Styrelsemöte");
            assertThat(Stories.subjectsTo(nora)).contains("Notulen: Styrelsemöte");
        });
        String swedish = Stories.text(Stories.onlyMessage(sara, "Protokoll: Styrelsemöte"));
        assertThat(swedish).contains("justerat av chris.chair@example.com", "1. Budget Q3",
                "CFO presenterade siffrorna.", "Beslut: Godkänn budgeten (bifallet)",
                "Röster: 5 för, 1 emot, 0 avstod", "2. Övriga frågor", "Åtgärdspunkter",
                "Skicka budgeten till ekonomi: ann@example.com, senast 2027-09-27");
        String english = Stories.text(Stories.onlyMessage(ed, "Minutes: Styrelsemöte"));
        assertThat(english).contains("approved by chris.chair@example.com", "Decision: Godkänn budgeten (carried)",
                "Votes: 5 for, 1 against, 0 abstaining", "2. Other business", "Action items");
        assertThat(Stories.text(Stories.onlyMessage(nora, "Notulen: Styrelsemöte")))
                .contains("Besluit: Godkänn budgeten (aangenomen)", "Actiepunten");

        // A correction goes out again, marked as one; each revision once.
        RegistrationEvents.MinutesApproved corrected = new RegistrationEvents.MinutesApproved(eventId, null,
                "Styrelsemöte", start, 2, approved.chair(), TestClock.now(), approved.entries(), List.of(action));
        Stories.twice(RegistrationEvents.MINUTES_APPROVED, eventId, corrected);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(nora)).hasSize(2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(sara)
                .stream().filter("Protokoll: Styrelsemöte"::equals)).hasSize(2));
        Thread.sleep(2000);
        assertThat(Stories.subjectsTo(sara).stream().filter("Protokoll: Styrelsemöte"::equals)).hasSize(2);
        assertThat(Stories.subjectsTo(ed).stream().filter("Minutes: Styrelsemöte"::equals)).hasSize(2);
        assertThat(Stories.subjectsTo(nora)).hasSize(2);
    }

    @Test
    void thePublishedAgendaWithItsCarriedActionItemsIsInThePreEventBriefingInTheReadersLanguage() {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Ledningsgrupp", start, start.plus(Duration.ofHours(2)), "Europe/Stockholm", 10,
                Stories.ownedByOlivia(), "sv"));
        await().atMost(PATIENCE).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        RegistrationEvents.AgendaPublished second = new RegistrationEvents.AgendaPublished(eventId, null,
                "Ledningsgrupp", start, 2, TestClock.now(), List.of(
                        new RegistrationEvents.AgendaEntry(UUID.randomUUID(), 1, "Budget Q3", "CFO", 20, "DECISION",
                                List.of()),
                        new RegistrationEvents.AgendaEntry(UUID.randomUUID(), 2, "Kontorsflytt", null, null,
                                "DISCUSSION", List.of())),
                List.of(new RegistrationEvents.ActionItemSummary(UUID.randomUUID(), UUID.randomUUID(),
                        "Förnya hyresavtalet", "bo@example.com", LocalDate.of(2027, 8, 1), "OPEN")));
        RegistrationEvents.AgendaPublished first = new RegistrationEvents.AgendaPublished(eventId, null,
                "Ledningsgrupp", start, 1, TestClock.now(), List.of(new RegistrationEvents.AgendaEntry(
                        UUID.randomUUID(), 1, "Gammal punkt", null, null, "INFORMATION", List.of())), List.of());
        // The newer version wins, whatever order the records arrive in.
        Stories.twice(RegistrationEvents.AGENDA_PUBLISHED, eventId, second);
        Stories.twice(RegistrationEvents.AGENDA_PUBLISHED, eventId, first);
        await().atMost(PATIENCE).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));

        String[] briefingId = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> briefingId[0] = given().header("Authorization", Stories.ORGANIZER)
                .contentType(ContentType.JSON).body(Map.of("kind", "PRE_EVENT"))
                .post("/api/events/{e}/briefings", eventId).then().statusCode(201)
                .body("facts.agenda.version", equalTo(2)).extract().path("id"));
        String briefing = given().header("Authorization", Stories.ORGANIZER).accept("text/plain")
                .queryParam("lang", "sv").get("/api/events/{e}/briefings/{b}", eventId, briefingId[0])
                .then().statusCode(200).extract().asString();
        assertThat(briefing).contains("== Dagordning ==", "1. Budget Q3 (CFO), 20 min — för beslut",
                "2. Kontorsflytt — för diskussion", "Öppna åtgärdspunkter från tidigare möten",
                "- Förnya hyresavtalet: bo@example.com, senast 2027-08-01").doesNotContain("Gammal punkt");
        String html = given().header("Authorization", Stories.ORGANIZER).accept("text/html")
                .queryParam("lang", "en").get("/api/events/{e}/briefings/{b}", eventId, briefingId[0])
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("<h2>Agenda</h2>", "<li>Budget Q3 (CFO), 20 min — for decision</li>",
                "Open action items from earlier meetings");
    }
}
