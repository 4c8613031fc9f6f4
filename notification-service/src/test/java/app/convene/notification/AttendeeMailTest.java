package app.convene.notification;

import static app.convene.notification.Stories.ORGANIZER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventType;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Attendees are written to about their registration and their event: confirmations and promotions with the
 * invitation, the waiting list with the position, cancellations, moves and reminders; exactly once per fact
 * whatever the redeliveries, in their language, and never once their address was erased.
 */
@QuarkusTest
class AttendeeMailTest {
    private static final String ATTENDEE_MAIL = "notification-service.attendee-mail";

    @Inject
    Inbox inbox;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The story the issue tells: two seats, three registrations, one cancellation, every record delivered twice. */
    @Test
    void aFullEventConfirmsTwoWaitlistsOneAndPromotesItOnceWhenASeatFrees() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Harbour summit", start, start.plus(Duration.ofHours(8)), "Europe/Stockholm", 2,
                Stories.ownedByOlivia()));
        known(eventId);
        String ada = "ada-" + eventId + "@example.com";
        String bo = "bo-" + eventId + "@example.com";
        String cy = "cy-" + eventId + "@example.com";
        UUID adaReg = UUID.randomUUID();
        UUID boReg = UUID.randomUUID();
        UUID cyReg = UUID.randomUUID();
        Instant now = TestClock.now();
        twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, adaReg, ada, now, "en"));
        twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, boReg, bo, now, "en"));
        twice(RegistrationEvents.WAITLISTED, eventId,
                new RegistrationEvents.RegistrationWaitlisted(eventId, cyReg, cy, 1, now, "en"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(ada)).containsExactlyInAnyOrder("Registration confirmed: Harbour summit");
            assertThat(subjects(bo)).containsExactlyInAnyOrder("Registration confirmed: Harbour summit");
            assertThat(subjects(cy)).containsExactlyInAnyOrder("On the waiting list: Harbour summit");
        });
        Calendar invitation = calendar(message(ada, "Registration confirmed: Harbour summit"));
        assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent adaEntry = invitation.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(adaEntry.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(start.atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDateTime()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        assertThat(adaEntry.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow()
                .getValue()).isEqualTo("Europe/Stockholm");
        // The time zone the entry names is defined in the invitation under that name.
        assertThat(invitation.getComponent(Component.VTIMEZONE).orElseThrow().getProperty(Property.TZID)
                .orElseThrow().getValue()).isEqualTo("Europe/Stockholm");
        // It holds only what the entry needs, not the zone's 13 observances since 1893: those in effect from its start
        // to its end, which give the zone's offsets then.
        VTimeZone stockholm = invitation.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(stockholm.getObservances()).hasSizeBetween(1, 2);
        for (Instant at : List.of(start, start.plus(Duration.ofHours(8)))) {
            java.time.ZonedDateTime there = at.atZone(java.time.ZoneId.of("Europe/Stockholm"));
            assertThat(stockholm.getApplicableObservance(there).getProperty(Property.TZOFFSETTO).orElseThrow()
                    .getValue()).isEqualTo(there.getOffset().getId().replace(":", ""));
        }
        assertThat(calendar(message(bo, "Registration confirmed: Harbour summit")).getProperty(Property.METHOD)
                .orElseThrow()
                .getValue()).isEqualTo("REQUEST");
        assertThat(text(message(cy, "On the waiting list: Harbour summit"))).contains("number 1 on the waiting list");
        assertThat(calendarPart(message(cy, "On the waiting list: Harbour summit"))).isNull();

        // Ada cancels; Cy takes her seat. Each fact arrives twice.
        twice(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId, adaReg,
                ada, "CONFIRMED", TestClock.now(), false, "en"));
        twice(RegistrationEvents.PROMOTED, eventId,
                new RegistrationEvents.RegistrationPromoted(eventId, cyReg, cy, TestClock.now(), "en"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(ada)).containsExactlyInAnyOrder("Registration confirmed: Harbour summit",
                    "Registration cancelled: Harbour summit");
            assertThat(subjects(cy)).containsExactlyInAnyOrder("On the waiting list: Harbour summit",
                    "A seat is yours: Harbour summit");
        });
        Calendar cancellation = calendar(message(ada, "Registration cancelled: Harbour summit"));
        assertThat(cancellation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(uid(cancellation)).isEqualTo(uid(invitation));
        Calendar promoted = calendar(message(cy, "A seat is yours: Harbour summit"));
        assertThat(promoted.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");

        // The event moves: the confirmed (Bo and Cy, not Ada) get an updated invitation with a higher SEQUENCE.
        Instant later = start.plus(Duration.ofDays(1));
        twice(RegistrationEvents.EVENT_UPDATED, eventId, new RegistrationEvents.EventUpdated(eventId,
                "Harbour summit", later, later.plus(Duration.ofHours(8)), "Europe/Stockholm", 2, "PUBLISHED", null,
                null, Stories.ownedByOlivia(), "en"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(bo)).containsExactlyInAnyOrder("Registration confirmed: Harbour summit",
                    "New time: Harbour summit");
            assertThat(subjects(cy)).hasSize(3).contains("New time: Harbour summit");
        });
        Calendar moved = calendar(message(bo, "New time: Harbour summit"));
        assertThat(moved.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(uid(moved)).isEqualTo(uid(calendar(message(bo, "Registration confirmed: Harbour summit"))));
        assertThat(sequence(moved))
                .isGreaterThan(sequence(calendar(message(bo, "Registration confirmed: Harbour summit"))));

        // Nothing more arrives: one mail per fact.
        Thread.sleep(1500);
        assertThat(subjects(ada)).hasSize(2);
        assertThat(subjects(bo)).hasSize(2);
        assertThat(subjects(cy)).hasSize(3);
    }

    @Test
    void attendeesAreWrittenInTheirLanguageElseTheEvents() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.announce(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Skärgårdsdagen", start, start.plus(Duration.ofHours(6)), "Europe/Stockholm", 10,
                Stories.ownedByOlivia(), "sv"));
        known(eventId);
        String sara = "sara-" + eventId + "@example.com";
        String noor = "noor-" + eventId + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), sara, TestClock.now(), "sv"));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), noor, TestClock.now(), "nl"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(sara)).containsExactlyInAnyOrder("Anmälan bekräftad: Skärgårdsdagen");
            assertThat(subjects(noor)).containsExactlyInAnyOrder("Inschrijving bevestigd: Skärgårdsdagen");
        });
        assertThat(text(message(sara, "Anmälan bekräftad: Skärgårdsdagen")))
                .contains("Din anmälan till Skärgårdsdagen");
    }

    @Test
    void anErasedAttendeeIsWrittenNothingAndTheirPendingMailIsGivenUp() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Quiet dinner", start, start.plus(Duration.ofHours(3)), "Europe/Amsterdam", 10,
                Stories.ownedByOlivia());
        known(eventId);
        UUID erasedReg = UUID.randomUUID();
        String erased = "erased-" + erasedReg + "@erased.invalid";
        String witness = "wim-" + eventId + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, erasedReg, erased, TestClock.now()));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), witness, TestClock.now()));
        // The event then moves: the witness hears of it, the erased attendee does not.
        Stories.announce(RegistrationEvents.EVENT_UPDATED, eventId, new RegistrationEvents.EventUpdated(eventId,
                "Quiet dinner", start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(4)),
                "Europe/Amsterdam", 10, "PUBLISHED", null, null, Stories.ownedByOlivia()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(witness))
                .containsExactlyInAnyOrder("Registration confirmed: Quiet dinner", "New time: Quiet dinner"));
        assertThat(SmtpServer.messagesTo(erased)).isEmpty();
        // The delivery log: the witness's two mails, each delivered by its last attempt (a first send can time out
        // on a loaded machine and go out on its retry); none to the erased attendee.
        await().atMost(PATIENCE).untilAsserted(() -> Stories.attendeeMail(eventId)
                .body("deliveries.address", equalTo(List.of(witness, witness)))
                .body("deliveries.purpose", equalTo(List.of("ATTENDEE", "ATTENDEE")))
                .body("deliveries.kind", containsInAnyOrder("MOVED", "CONFIRMATION"))
                .body("deliveries.status", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body("deliveries.collect { it.log.last().succeeded }", equalTo(List.of(true, true)))
                .body("next", equalTo(null)));
        given().header("Authorization", ORGANIZER).get("/api/events/{e}/attendee-mail", eventId).then()
                .statusCode(200).body("reminderBefore", equalTo("PT24H")).body("language", equalTo("en"));
    }

    /**
     * The log of a large event's attendee mail is read a page at a time, newest first, each page walking on from the
     * last mail of the one before; a filter by state and a cursor or state not in its form are named.
     */
    @Test
    void theAttendeeMailLogIsReadAPageAtATimeNewestFirst() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Town hall", start, start.plus(Duration.ofHours(2)), "Europe/Amsterdam", 10,
                Stories.ownedByOlivia());
        known(eventId);
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String address = "hall-" + i + "-" + eventId + "@example.com";
            attendees.add(address);
            Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                    eventId, UUID.randomUUID(), address, TestClock.now(), "en"));
        }
        await().atMost(PATIENCE).untilAsserted(() -> Stories.attendeeMail(eventId)
                .body("deliveries.findAll { it.status == 'DELIVERED' }.address",
                        containsInAnyOrder(attendees.toArray())));

        List<Map<String, Object>> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String before = null;
        do {
            var page = given().header("Authorization", ORGANIZER).queryParam("limit", 2)
                    .queryParam("before", before == null ? "" : before)
                    .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(200).extract();
            List<Map<String, Object>> deliveries = page.path("deliveries");
            sizes.add(deliveries.size());
            read.addAll(deliveries);
            before = page.path("next");
        } while (before != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(read).extracting(d -> d.get("address")).containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(read).extracting(d -> d.get("kind")).containsOnly("CONFIRMATION");
        assertThat(read).extracting(d -> d.get("registrationId")).doesNotContainNull().doesNotHaveDuplicates();
        List<Instant> written = read.stream().map(d -> Instant.parse((String) d.get("createdAt"))).toList();
        assertThat(written).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        given().header("Authorization", ORGANIZER).queryParam("status", "DELIVERED")
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(200)
                .body("deliveries", org.hamcrest.Matchers.hasSize(5));
        given().header("Authorization", ORGANIZER).queryParam("status", "FAILED")
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(200)
                .body("deliveries", org.hamcrest.Matchers.empty()).body("next", equalTo(null));
        given().header("Authorization", ORGANIZER).queryParam("status", "SENT")
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("status")).body("errors[0].message", containsString("FAILED"));
        given().header("Authorization", ORGANIZER).queryParam("before", UUID.randomUUID())
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("before"));
        given().header("Authorization", ORGANIZER).queryParam("before", "yesterday")
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("before"));
        given().header("Authorization", ORGANIZER).queryParam("limit", 501)
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(400)
                .body("errors[0].field", containsString("limit"));
        given().header("Authorization", Tokens.bearer("organizer", "gina@globex.example", "globex"))
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(404);
    }

    @Test
    void aCancelledEventReachesEveryoneRegisteredAndAnEndedOneAsksForFeedback() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Rooftop concert", start, start.plus(Duration.ofHours(3)), "Europe/Bucharest", 1,
                Stories.ownedByOlivia());
        known(eventId);
        String ioana = "ioana-" + eventId + "@example.com";
        String jan = "jan-" + eventId + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), ioana, TestClock.now(), "ro"));
        Stories.announce(RegistrationEvents.WAITLISTED, eventId, new RegistrationEvents.RegistrationWaitlisted(
                eventId, UUID.randomUUID(), jan, 1, TestClock.now()));
        twice(RegistrationEvents.EVENT_CANCELLED, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Rooftop concert", TestClock.now()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(ioana)).containsExactlyInAnyOrder("Înscriere confirmată: Rooftop concert",
                    "Anulat: Rooftop concert");
            assertThat(subjects(jan)).containsExactlyInAnyOrder("On the waiting list: Rooftop concert",
                    "Cancelled: Rooftop concert");
        });
        Calendar cancelled = calendar(message(ioana, "Anulat: Rooftop concert"));
        assertThat(cancelled.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(sequence(cancelled))
                .isGreaterThan(sequence(calendar(message(ioana, "Înscriere confirmată: Rooftop concert"))));
        assertThat(calendarPart(message(jan, "Cancelled: Rooftop concert"))).isNull();

        // An event that ended an hour ago: its confirmed attendee is asked for feedback, once.
        UUID ended = UUID.randomUUID();
        Instant began = TestClock.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(ended, "Morning run", began, began.plus(Duration.ofHours(2)), "Europe/Amsterdam", 10,
                Stories.ownedByOlivia());
        known(ended);
        String kees = "kees-" + ended + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, ended, new RegistrationEvents.RegistrationConfirmed(
                ended, UUID.randomUUID(), kees, began.minus(Duration.ofDays(1)), "nl"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(kees)).contains("Hoe was Morning run?"));
        assertThat(text(SmtpServer.messagesTo(kees).stream().filter(m -> PreEventBriefingStoryTest.subject(m)
                .equals("Hoe was Morning run?")).findFirst().orElseThrow()))
                .contains("/api/events/" + ended + "/feedback");
        Thread.sleep(1500);
        assertThat(subjects(kees)).filteredOn("Hoe was Morning run?"::equals).hasSize(1);
    }

    /** Reminders come before the start; the personal link stops them, and only them. */
    @Test
    void remindersComeBeforeTheStartAndTheirLinkStopsOnlyReminders() throws Exception {
        UUID eventId = UUID.randomUUID();
        // Close to now, so the service's clock moves only a little (other stories share it).
        Instant start = TestClock.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Lantern walk", start, start.plus(Duration.ofHours(2)), "Europe/Bucharest", 10,
                Stories.ownedByOlivia());
        known(eventId);
        String eva = "eva-" + eventId + "@example.com";
        String filip = "filip-" + eventId + "@example.com";
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), eva, TestClock.now(), "en"));
        Stories.announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                eventId, UUID.randomUUID(), filip, TestClock.now(), "en"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            String log = given().header("Authorization", ORGANIZER)
                    .get("/api/events/{e}/attendee-mail/deliveries", eventId).asString();
            assertThat(subjects(eva)).as(log).hasSize(1);
            assertThat(subjects(filip)).as(log).hasSize(1);
        });

        settings(eventId, Map.of("reminderBefore", "P40D")).statusCode(400)
                .body("errors.field", hasItem("reminderBefore"));
        settings(eventId, Map.of("reminderBefore", "soon")).statusCode(400);
        settings(eventId, Map.of("reminderBefore", "PT48H")).statusCode(200)
                .body("reminderBefore", equalTo("PT48H"));

        TestClock.advanceTo(start.minus(Duration.ofHours(49)));
        Thread.sleep(1000);
        assertThat(subjects(eva)).hasSize(1);
        TestClock.advanceTo(start.minus(Duration.ofHours(47)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(eva)).containsExactlyInAnyOrder("Registration confirmed: Lantern walk",
                    "Reminder: Lantern walk");
            assertThat(subjects(filip)).containsExactlyInAnyOrder("Registration confirmed: Lantern walk",
                    "Reminder: Lantern walk");
        });
        String link = unsubscribeLink(text(message(filip, "Reminder: Lantern walk")));
        String token = link.substring(link.lastIndexOf('/') + 1);
        given().get("/api/attendee-mail/unsubscribe/{t}", token).then().statusCode(200);
        given().post("/api/attendee-mail/unsubscribe/{t}", token).then().statusCode(200)
                .body("remindersStopped", equalTo(true));
        given().post("/api/attendee-mail/unsubscribe/{t}", "not-a-link").then().statusCode(404);

        // The event moves a day later: both hear of it (not a reminder), only Eva is reminded again.
        Instant later = start.plus(Duration.ofDays(1));
        Stories.announce(RegistrationEvents.EVENT_UPDATED, eventId, new RegistrationEvents.EventUpdated(eventId,
                "Lantern walk", later, later.plus(Duration.ofHours(2)), "Europe/Bucharest", 10, "PUBLISHED", null,
                null, Stories.ownedByOlivia()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(filip)).hasSize(3)
                .contains("New time: Lantern walk"));
        TestClock.advanceTo(later.minus(Duration.ofHours(47)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(eva)).containsExactlyInAnyOrder(
                "Registration confirmed: Lantern walk", "Reminder: Lantern walk", "New time: Lantern walk",
                "Reminder: Lantern walk"));
        Thread.sleep(1500);
        assertThat(subjects(filip)).hasSize(3);
    }

    /**
     * Attendee mail reads registration's announcements in a consumer group of its own, so it writes to attendees from
     * what it has read itself, whatever the read model has applied so far. Kafka cannot be made to hold one consumer
     * group back and not the other, so the two records are handed to attendee mail's inbox as one poll of its own,
     * and the read model never hears of the event.
     */
    @Test
    void attendeeMailWritesFromWhatItReadItselfWhileTheReadModelKnowsNothingYet() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        String ines = "ines-" + eventId + "@example.com";
        List<ConsumerRecord<String, String>> poll = Stream.of(
                EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(
                        eventId, "Quay talk", start, start.plus(Duration.ofHours(2)), "Europe/Amsterdam", 40,
                        Stories.ownedByOlivia(), "nl")),
                EventRecords.of(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(
                        eventId, UUID.randomUUID(), ines, TestClock.now(), null)))
                .map(sent -> {
                    ConsumerRecord<String, String> received = new ConsumerRecord<>(sent.topic(), 0,
                            ThreadLocalRandom.current().nextLong(4_000_000_000L, 5_000_000_000L), sent.key(),
                            sent.value());
                    sent.headers().forEach(received.headers()::add);
                    return received;
                }).toList();

        inbox.deliverAll(ATTENDEE_MAIL, poll, inbox.handlersOf(ATTENDEE_MAIL));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(ines))
                .containsExactly("Inschrijving bevestigd: Quay talk"));
        assertThat(text(message(ines, "Inschrijving bevestigd: Quay talk"))).contains("Europe/Amsterdam");
        // The read model never heard of the event: it is unknown there.
        Stories.briefings(eventId).statusCode(404);
    }

    /**
     * An event announced with times no calendar can follow (registration-service refuses them now; one scheduled
     * before that still could be announced) must not hold up the invitations behind it: finding the zone's rule for
     * the year 99999 walked every year up to it, and the attendee mail of every event stopped.
     */
    @Test
    void anEventOfAnotherMillenniumHoldsUpNoInvitationAndIsWrittenInUtc() throws Exception {
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        UUID endless = UUID.randomUUID();
        UUID centuries = UUID.randomUUID();
        UUID years = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        twice(RegistrationEvents.EVENT_SCHEDULED, endless, new RegistrationEvents.EventScheduled(endless,
                "Endless", start, Instant.parse("+99999-01-01T00:00:00Z"), "Europe/Stockholm", 5,
                Stories.ownedByOlivia()));
        twice(RegistrationEvents.EVENT_SCHEDULED, centuries, new RegistrationEvents.EventScheduled(centuries,
                "Centuries", start, Instant.parse("2300-01-01T00:00:00Z"), "Europe/Stockholm", 5,
                Stories.ownedByOlivia()));
        twice(RegistrationEvents.EVENT_SCHEDULED, years, new RegistrationEvents.EventScheduled(years,
                "Three years", start, start.plus(Duration.ofDays(3 * 365)), "Europe/Stockholm", 5,
                Stories.ownedByOlivia()));
        twice(RegistrationEvents.EVENT_SCHEDULED, ordinary, new RegistrationEvents.EventScheduled(ordinary,
                "Ordinary", start, start.plus(Duration.ofHours(3)), "Europe/Stockholm", 5, Stories.ownedByOlivia()));
        known(ordinary);
        String attendee = "eve-" + ordinary + "@example.com";
        Instant now = TestClock.now();
        for (UUID eventId : List.of(endless, centuries, years, ordinary)) {
            twice(RegistrationEvents.CONFIRMED, eventId,
                    new RegistrationEvents.RegistrationConfirmed(eventId, UUID.randomUUID(), attendee, now, "en"));
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(attendee)).containsExactlyInAnyOrder(
                "Registration confirmed: Endless", "Registration confirmed: Centuries",
                "Registration confirmed: Three years", "Registration confirmed: Ordinary"));
        // Centuries long: in UTC, with no time zone to define.
        Calendar utc = calendar(message(attendee, "Registration confirmed: Centuries"));
        VEvent entry = utc.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(entry.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(start.atZone(java.time.ZoneOffset.UTC).toLocalDateTime()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        assertThat(entry.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID")).isEmpty();
        assertThat(utc.getComponent(Component.VTIMEZONE)).isEmpty();
        // Three years long: its zone, with the observances of a year, which repeat.
        VTimeZone zone = calendar(message(attendee, "Registration confirmed: Three years"))
                .<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(zone.getObservances()).hasSize(2);
        assertThat(calendar(message(attendee, "Registration confirmed: Ordinary")).getComponent(Component.VTIMEZONE))
                .isPresent();
    }

    /** Waits until the service knows the event (its consumer is reading the topic). */
    private static void known(UUID eventId) {
        Stories.known(eventId);
    }

    private static io.restassured.response.ValidatableResponse settings(UUID eventId, Map<String, Object> body) {
        return given().header("Authorization", ORGANIZER).contentType(ContentType.JSON).body(body)
                .put("/api/events/{e}/attendee-mail", eventId).then();
    }

    private static String unsubscribeLink(String text) {
        Matcher link = Pattern.compile("https?://\\S+/api/attendee-mail/unsubscribe/[A-Za-z0-9_-]+").matcher(text);
        assertThat(link.find()).as("a personal unsubscribe link in: %s", text).isTrue();
        return link.group();
    }

    private static <P> void twice(EventType<P> type, UUID eventId, P payload) {
        Stories.twice(type, eventId, payload);
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

    private static String uid(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow().getProperty(Property.UID).orElseThrow()
                .getValue();
    }

    private static int sequence(Calendar calendar) {
        return Integer.parseInt(calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow()
                .getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        String ics = calendarPart(message);
        assertThat(ics).as("a text/calendar attachment").isNotNull();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** The text/calendar part of a message, decoded; null when none. */
    static String calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<String> found = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                String inner = calendarPart(multipart.getBodyPart(i));
                if (inner != null) {
                    found.add(inner);
                }
            }
            return found.isEmpty() ? null : found.get(0);
        }
        return null;
    }
}
