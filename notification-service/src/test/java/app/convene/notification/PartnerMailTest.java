package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventType;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import app.convene.notification.partner.service.PartnerMailRetention;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A venue's partner contacts are written to in their language: the one who raised an issue on each status change
 * and proposal, subscribed ones on bookings at the venue; exactly once per fact whatever the redeliveries; their
 * mail is exported and erased with the rest of what is held about them.
 */
@QuarkusTest
class PartnerMailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    @Inject
    PartnerMailRetention retention;

    @Test
    void aSwedishPartnerHearsOfEachStatusChangeAndProposalOfTheirIssueOnceInSwedish() throws Exception {
        UUID venueId = UUID.randomUUID();
        UUID issueId = UUID.randomUUID();
        String sven = "sven-" + issueId + "@caterer.example";
        var contact = new VenueEvents.PartnerContact(UUID.randomUUID(), "Sven", sven, "sv");
        Instant now = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        twice(issueId, update(venueId, issueId, "RAISED", "OPEN", null, null, contact, now));
        twice(issueId, update(venueId, issueId, "STATUS_CHANGED", "IN_MEDIATION", null, null, contact,
                now.plusSeconds(60)));
        twice(issueId, update(venueId, issueId, "PROPOSED", "IN_MEDIATION", null,
                new VenueEvents.Proposal(UUID.randomUUID(), "Hämta soporna på eftermiddagen", "Frank"), contact,
                now.plusSeconds(120)));
        twice(issueId, update(venueId, issueId, "STATUS_CHANGED", "RESOLVED", "Hämtning flyttad till 14:00", null,
                contact, now.plusSeconds(180)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(sven)).containsExactlyInAnyOrder(
                "Ditt ärende hos Stadshuset: under medling",
                "Ett förslag för ditt ärende hos Stadshuset",
                "Ditt ärende hos Stadshuset: löst"));
        // Redeliveries and the raising itself write nothing more.
        Thread.sleep(3000);
        assertThat(subjects(sven)).hasSize(3);
        assertThat(text(message(sven, "Ett förslag för ditt ärende hos Stadshuset")))
                .contains("Hej Sven,", "föreslår Frank: Hämta soporna på eftermiddagen", "Lastkajen blockerad");
        assertThat(text(message(sven, "Ditt ärende hos Stadshuset: löst")))
                .contains("Så löstes det: Hämtning flyttad till 14:00");

        // The same fact announced again (a replay under a new record id) is not written twice either.
        KafkaBroker.send(EventRecords.of(VenueEvents.ISSUE_UPDATED, issueId, update(venueId, issueId,
                "STATUS_CHANGED", "IN_MEDIATION", null, null, contact, now.plusSeconds(60))));
        Thread.sleep(3000);
        assertThat(subjects(sven)).hasSize(3);
    }

    @Test
    void subscribedPartnersHearOfABookingAtTheVenueInTheirLanguageAndTheirMailIsExportedAndErased()
            throws Exception {
        UUID venueId = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        String nora = "nora-" + bookingId + "@florist.example";
        String ana = "ana-" + bookingId + "@catering.example";
        List<VenueEvents.PartnerContact> subscribers = List.of(
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Nora", nora, "nl"),
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Ana", ana, "ro"));
        Instant start = Instant.parse("2027-05-10T09:00:00Z");
        Instant now = TestClock.now();
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId,
                "BOOKING_CONFIRMED", start, null, subscribers, now)));
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId,
                "BOOKING_CONFIRMED", start, null, subscribers, now)));
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId,
                "BOOKING_CANCELLED", start, "Overstroming", subscribers, now)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(nora)).containsExactlyInAnyOrder("Boeking bevestigd bij Stadshuset: Tuinzaal",
                    "Boeking geannuleerd bij Stadshuset: Tuinzaal");
            assertThat(subjects(ana)).containsExactlyInAnyOrder("Rezervare confirmată la Stadshuset: Tuinzaal",
                    "Rezervare anulată la Stadshuset: Tuinzaal");
        });
        assertThat(text(message(nora, "Boeking bevestigd bij Stadshuset: Tuinzaal")))
                .contains("Hallo Nora,", "van 2027-05-10 09:00 tot 2027-05-10 13:00 (UTC)");
        assertThat(text(message(nora, "Boeking geannuleerd bij Stadshuset: Tuinzaal"))).contains("Reden: Overstroming");

        // Export: the partner's mail is part of what is held about them in the organisation.
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/api/privacy/people/{e}", nora).then().statusCode(200)
                .body("deliveries", hasSize(2)).body("deliveries.purpose", everyItem(startsWith("PARTNER")))
                .body("deliveries.status", hasItem("DELIVERED")));
        // Erasure: the partner's address no longer appears in the mail kept.
        UUID erasureId = UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(PrivacyEvents.PERSON_ERASED, erasureId, new PrivacyEvents.PersonErased(
                erasureId, Tokens.ORGANISATION, sha256(nora), List.of(), Instant.now())));
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/api/privacy/people/{e}", nora).then().statusCode(200).body("deliveries", hasSize(0)));
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", ana).then().statusCode(200)
                .body("deliveries", hasSize(2));
    }

    @Test
    void aBookingMovedTwiceIsToldOncePerMoveWithItsNewRoomAndTimes() throws Exception {
        UUID venueId = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        String sven = "sven-" + bookingId + "@catering.example";
        String kim = "kim-" + bookingId + "@av.example";
        List<VenueEvents.PartnerContact> subscribers = List.of(
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Sven", sven, "sv"),
                new VenueEvents.PartnerContact(UUID.randomUUID(), "Kim", kim, null));
        Instant start = Instant.parse("2027-09-14T08:00:00Z");
        Stories.twice(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId, "BOOKING_CONFIRMED", start, null,
                subscribers, TestClock.now()));
        // An hour later, then a day later: each move is a notice of its own, each delivered twice.
        Stories.twice(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId, "BOOKING_MOVED",
                start.plus(Duration.ofHours(1)), null, subscribers, TestClock.now()));
        Stories.twice(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId, "BOOKING_MOVED",
                start.plus(Duration.ofDays(1)), null, subscribers, TestClock.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(sven)).containsExactlyInAnyOrder("Bokning bekräftad hos Stadshuset: Tuinzaal",
                    "Bokning flyttad hos Stadshuset: Tuinzaal", "Bokning flyttad hos Stadshuset: Tuinzaal");
            assertThat(subjects(kim)).containsExactlyInAnyOrder("Booking confirmed at Stadshuset: Tuinzaal",
                    "Booking moved at Stadshuset: Tuinzaal", "Booking moved at Stadshuset: Tuinzaal");
        });
        List<String> moves = new ArrayList<>();
        for (MimeMessage m : SmtpServer.messagesTo(kim)) {
            if (PreEventBriefingStoryTest.subject(m).startsWith("Booking moved")) {
                moves.add(text(m));
            }
        }
        assertThat(moves).anySatisfy(t -> assertThat(t).contains("Hello Kim,",
                "now in Tuinzaal, from 2027-09-14 09:00 to 2027-09-14 13:00 (UTC)"));
        assertThat(moves).anySatisfy(t -> assertThat(t).contains("from 2027-09-15 08:00 to 2027-09-15 12:00 (UTC)"));
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", sven).then().statusCode(200)
                .body("deliveries", hasSize(3));
    }

    @Test
    void partnerMailIsBlankedOnceItIsOlderThanItIsKept() throws Exception {
        UUID venueId = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        String lotte = "lotte-" + bookingId + "@cleaning.example";
        KafkaBroker.send(EventRecords.of(VenueEvents.VENUE_NOTICE, venueId, notice(venueId, bookingId,
                "BOOKING_CONFIRMED", Instant.parse("2027-06-01T08:00:00Z"), null,
                List.of(new VenueEvents.PartnerContact(UUID.randomUUID(), "Lotte", lotte, "nl")), TestClock.now())));
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/api/privacy/people/{e}", lotte).then().statusCode(200)
                .body("deliveries.status", org.hamcrest.Matchers.contains("DELIVERED")));

        // Kept for partner-mail.keep-for: a sweep now leaves it; one whose cutoff has passed it blanks it.
        retention.anonymiseWrittenBefore(TestClock.now().minus(retention.keepFor()));
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", lotte).then().statusCode(200)
                .body("deliveries", hasSize(1));
        assertThat(retention.anonymiseWrittenBefore(TestClock.now().plusSeconds(1))).isPositive();
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", lotte).then().statusCode(200)
                .body("deliveries", hasSize(0));
    }

    private static VenueEvents.IssueUpdated update(UUID venueId, UUID issueId, String change, String status,
            String resolution, VenueEvents.Proposal proposal, VenueEvents.PartnerContact contact, Instant at) {
        return new VenueEvents.IssueUpdated(issueId, venueId, "Stadshuset", Tokens.ORGANISATION, change, status,
                "Lastkajen blockerad", resolution, proposal, contact, at);
    }

    private static VenueEvents.VenueNotice notice(UUID venueId, UUID bookingId, String kind, Instant start,
            String reason, List<VenueEvents.PartnerContact> subscribers, Instant at) {
        return new VenueEvents.VenueNotice(UUID.randomUUID(), venueId, "Stadshuset", Tokens.ORGANISATION, kind,
                UUID.randomUUID(), bookingId, "Tuinzaal", start, start.plus(Duration.ofHours(4)), reason, subscribers,
                at);
    }

    private static <P> void twice(UUID key, P payload) {
        @SuppressWarnings("unchecked")
        EventType<P> type = (EventType<P>) VenueEvents.ISSUE_UPDATED;
        Stories.twice(type, key, payload);
    }

    private static MimeMessage message(String address, String subject) {
        return Stories.onlyMessage(address, subject);
    }

    private static List<String> subjects(String address) {
        return Stories.subjectsTo(address);
    }

    private static String text(MimeMessage message) throws Exception {
        return Stories.text(message);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
