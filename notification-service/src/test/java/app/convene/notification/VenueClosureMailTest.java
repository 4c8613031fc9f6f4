package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A strike closes a venue over an event's booking: venue announces the closure to the venue's subscribed partners
 * and the failed room-booked check; each partner is written to once, in their language, whatever the redeliveries;
 * the gate shows the closure; the reopening is written and undoes it. The partner mail is logged per venue.
 */
@QuarkusTest
class VenueClosureMailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ROOM_CHECK = "checks.find { it.name == 'room-booked' }.";

    private static ValidatableResponse gate(UUID eventId) {
        return given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/go-no-go", eventId).then();
    }

    private static ValidatableResponse log(String token, UUID venueId, String... query) {
        var request = given().header("Authorization", token);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/venues/{v}/partner-mail/deliveries", venueId).then();
    }

    private static VenueEvents.ReadinessAssessed assessed(UUID eventId, long sequence, String status, String reason) {
        List<VenueEvents.CheckAssessed> checks = List.of(new VenueEvents.CheckAssessed("room booked", status, reason),
                new VenueEvents.CheckAssessed("headcount within safe occupancy", "MET", "60 expected"));
        return new VenueEvents.ReadinessAssessed(eventId, sequence, "MET".equals(status), checks, TestClock.now());
    }

    private static VenueEvents.VenueNotice notice(UUID venueId, UUID closureId, String kind, Instant from,
            Instant until, List<VenueEvents.PartnerContact> subscribers) {
        return new VenueEvents.VenueNotice(UUID.randomUUID(), venueId, "Stadshuset", Tokens.ORGANISATION, kind, null,
                null, null, from, until, "General strike", subscribers, TestClock.now(), closureId);
    }

    @Test
    void partnersHearOfAClosureAndTheReopeningOnceInTheirLanguageTheGateShowsItAndTheMailIsLogged()
            throws Exception {
        Instant start = TestClock.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        UUID eventId = UUID.randomUUID();
        Stories.schedule(eventId, "Partner day", start, start.plus(Duration.ofHours(6)), "Europe/Stockholm", 100,
                Stories.ownedByOlivia());
        await().atMost(PATIENCE).untilAsserted(() -> Stories.briefings(eventId).statusCode(200));
        Stories.announce(VenueEvents.READINESS_ASSESSED, eventId, assessed(eventId, 1, "MET", "room 'Hall' booked"));
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId).statusCode(200)
                .body(ROOM_CHECK + "status", equalTo("MET")));

        UUID venueId = UUID.randomUUID();
        UUID closureId = UUID.randomUUID();
        String astrid = "astrid-" + closureId + "@catering.example";
        String ed = "ed-" + closureId + "@cleaning.example";
        String una = "una-" + closureId + "@av.example"; // listed at the venue, not subscribed: not in the notice
        List<VenueEvents.PartnerContact> subscribers = List.of(
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Astrid", astrid, "sv"),
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Ed", ed, "en"));
        Instant from = Instant.parse("2027-05-01T00:00:00Z");
        Instant until = Instant.parse("2027-05-03T00:00:00Z");

        // The closure, delivered twice, and announced once more under a new record id: one mail each.
        var closure = notice(venueId, closureId, "CLOSURE", from, until, subscribers);
        Stories.twice(VenueEvents.VENUE_NOTICE, venueId, closure);
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, closure));
        String reason = "venue closed " + from + "–" + until + ": General strike";
        Stories.announce(VenueEvents.READINESS_ASSESSED, eventId, assessed(eventId, 2, "NOT_MET", reason));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(astrid)).containsExactly("Stängt hos Stadshuset: hela lokalen");
            assertThat(Stories.subjectsTo(ed)).containsExactly("Closed at Stadshuset: the whole venue");
        });
        assertThat(Stories.text(Stories.onlyMessage(astrid, "Stängt hos Stadshuset: hela lokalen"))).contains(
                "Hej Astrid,", "Stadshuset: hela lokalen – stängt från 2027-05-01 00:00 till 2027-05-03 00:00 "
                        + "(UTC). Anledning: General strike");
        assertThat(Stories.text(Stories.onlyMessage(ed, "Closed at Stadshuset: the whole venue")))
                .contains("Hello Ed,", "the whole venue is closed from 2027-05-01 00:00 to 2027-05-03 00:00 (UTC)");
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId).body("decision", equalTo("NO_GO"))
                .body(ROOM_CHECK + "status", equalTo("NOT_MET")).body(ROOM_CHECK + "reason", equalTo(reason)));

        // Reopened: written once each, and the check is met again.
        Stories.twice(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, closureId, "CLOSURE_WITHDRAWN", from, until,
                subscribers));
        Stories.announce(VenueEvents.READINESS_ASSESSED, eventId, assessed(eventId, 3, "MET", "room 'Hall' booked"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(astrid)).containsExactlyInAnyOrder("Stängt hos Stadshuset: hela lokalen",
                    "Öppet igen hos Stadshuset: hela lokalen");
            assertThat(Stories.subjectsTo(ed)).containsExactlyInAnyOrder("Closed at Stadshuset: the whole venue",
                    "Open again at Stadshuset: the whole venue");
        });
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId).body(ROOM_CHECK + "status", equalTo("MET")));
        Thread.sleep(3000);
        assertThat(Stories.subjectsTo(astrid)).hasSize(2);
        assertThat(Stories.subjectsTo(ed)).hasSize(2);
        assertThat(Stories.subjectsTo(una)).isEmpty();

        // The venue's partner-mail log: four mails, newest first, paged; delivered, each at its first attempt.
        await().atMost(PATIENCE).untilAsserted(() -> log(Stories.ORGANIZER, venueId).statusCode(200)
                .body("deliveries", hasSize(4)).body("deliveries.status", everyItem(equalTo("DELIVERED")))
                .body("deliveries.sentAt", everyItem(notNullValue())));
        log(Tokens.bearer("facility", "frank@example.com"), venueId).statusCode(200)
                .body("deliveries.attempts", everyItem(equalTo(1)))
                .body("deliveries.lastError", everyItem(nullValue()))
                .body("next", nullValue());
        List<String> kinds = log(Stories.ORGANIZER, venueId).extract().path("deliveries.kind");
        assertThat(kinds).containsExactlyInAnyOrder("CLOSURE_WITHDRAWN", "CLOSURE_WITHDRAWN", "CLOSURE", "CLOSURE");
        List<String> recipients = log(Stories.ORGANIZER, venueId).extract().path("deliveries.recipient");
        assertThat(recipients).containsExactlyInAnyOrder(astrid, astrid, ed, ed);
        var firstPage = log(Stories.ORGANIZER, venueId, "limit", "3").statusCode(200).body("deliveries", hasSize(3))
                .body("next", notNullValue()).extract();
        var secondPage = log(Stories.ORGANIZER, venueId, "limit", "3", "before", firstPage.path("next"))
                .statusCode(200).body("deliveries", hasSize(1)).body("next", nullValue()).extract();
        List<String> paged = new java.util.ArrayList<>(firstPage.path("deliveries.id"));
        paged.addAll(secondPage.path("deliveries.id"));
        assertThat(paged).isEqualTo(log(Stories.ORGANIZER, venueId).extract().path("deliveries.id"));
        assertThat(kinds.subList(0, 2)).containsOnly("CLOSURE_WITHDRAWN");

        // Another organisation's venue, and a venue never heard of, are not found; attendees may not read the log.
        log(Tokens.bearer("organizer", "gina@globex.example", "globex"), venueId).statusCode(404)
                .contentType("application/problem+json");
        log(Stories.ORGANIZER, UUID.randomUUID()).statusCode(404);
        log(Tokens.bearer("attendee", "ann@example.com"), venueId).statusCode(403);
        log(Stories.ORGANIZER, venueId, "before", "yesterday").statusCode(400)
                .body("errors.field", contains("before"));
        log(Stories.ORGANIZER, venueId, "limit", "0").statusCode(400);
    }
}
