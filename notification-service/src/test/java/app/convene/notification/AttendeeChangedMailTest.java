package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A registration held under another address (its place transferred to a colleague, or a mistyped address corrected)
 * is written to at the new address from then on: the previous address is told, its calendar entry cancelled, and the
 * new one sent the confirmation with an invitation or its place in line, once each whatever the redeliveries.
 */
@QuarkusTest
class AttendeeChangedMailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    private static UUID scheduled(String title) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                title, start, start.plus(Duration.ofHours(6)), "Europe/Amsterdam", 1, Stories.ownedByOlivia()));
        Stories.known(eventId);
        return eventId;
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        String ics = AttendeeMailTest.calendarPart(message);
        assertThat(ics).as("a text/calendar attachment").isNotNull();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String uid(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow().getProperty(Property.UID).orElseThrow()
                .getValue();
    }

    private static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
    }

    @Test
    void aColleagueWhoTakesOverAPlaceIsConfirmedAndTheOneWhoGaveItUpIsToldOnce() throws Exception {
        UUID eventId = scheduled("Canal forum");
        String xena = "xena-" + eventId + "@example.com";
        String wim = "wim-" + eventId + "@example.com";
        String yann = "yann-" + eventId + "@example.com";
        String vera = "vera-" + eventId + "@example.com";
        UUID seated = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Instant now = TestClock.now();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, seated, xena, now, "en"));
        Stories.twice(RegistrationEvents.WAITLISTED, eventId,
                new RegistrationEvents.RegistrationWaitlisted(eventId, waiting, yann, 1, now, "en"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(xena)).containsExactly("Registration confirmed: Canal forum");
            assertThat(Stories.subjectsTo(yann)).containsExactly("On the waiting list: Canal forum");
        });
        Calendar xenaInvited = calendar(Stories.onlyMessage(xena, "Registration confirmed: Canal forum"));

        // Xena's seat goes to Wim, who reads Dutch; Yann's place in line to Vera. Every fact arrives twice.
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                seated, wim, "nl", "CONFIRMED", null, true, TestClock.now()));
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                waiting, vera, "en", "WAITLISTED", 1, true, TestClock.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(xena)).containsExactlyInAnyOrder("Registration confirmed: Canal forum",
                    "Place transferred: Canal forum");
            assertThat(Stories.subjectsTo(wim)).containsExactly("Inschrijving bevestigd: Canal forum");
            assertThat(Stories.subjectsTo(yann)).containsExactlyInAnyOrder("On the waiting list: Canal forum",
                    "Place transferred: Canal forum");
            assertThat(Stories.subjectsTo(vera)).containsExactly("On the waiting list: Canal forum");
        });
        // Xena's calendar entry is cancelled; Wim's is an entry of his own.
        Calendar xenaCancelled = calendar(Stories.onlyMessage(xena, "Place transferred: Canal forum"));
        assertThat(method(xenaCancelled)).isEqualTo("CANCEL");
        assertThat(uid(xenaCancelled)).isEqualTo(uid(xenaInvited));
        Calendar wimInvited = calendar(Stories.onlyMessage(wim, "Inschrijving bevestigd: Canal forum"));
        assertThat(method(wimInvited)).isEqualTo("REQUEST");
        assertThat(uid(wimInvited)).isNotEqualTo(uid(xenaInvited));
        // A place in line has no calendar entry; Vera is told her number.
        assertThat(AttendeeMailTest.calendarPart(Stories.onlyMessage(yann, "Place transferred: Canal forum")))
                .isNull();
        assertThat(Stories.text(Stories.onlyMessage(vera, "On the waiting list: Canal forum")))
                .contains("number 1 on the waiting list");

        // The copy of the registration is Wim's now: his export lists it in Dutch, Xena's no longer does.
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", wim).then().statusCode(200)
                .body("registrations[0].registrationId", equalTo(seated.toString()))
                .body("registrations[0].language", equalTo("nl"));
        given().header("Authorization", OFFICER).get("/api/privacy/people/{e}", xena).then().statusCode(200)
                .body("registrations", empty());

        // The event moves: Wim hears of it, in Dutch; Xena does not.
        Instant later = TestClock.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_UPDATED, eventId, new RegistrationEvents.EventUpdated(eventId,
                "Canal forum", later, later.plus(Duration.ofHours(6)), "Europe/Amsterdam", 1, "PUBLISHED", null,
                null, Stories.ownedByOlivia(), "en"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(wim))
                .containsExactlyInAnyOrder("Inschrijving bevestigd: Canal forum", "Nieuwe tijd: Canal forum"));
        assertThat(Stories.subjectsTo(xena)).hasSize(2);
    }

    @Test
    void aCorrectedAddressIsWrittenToAndALanguageAloneChangesOnlyLaterMail() throws Exception {
        UUID eventId = scheduled("Dock talks");
        String typo = "bram-" + eventId + "@exmaple.com";
        String right = "bram-" + eventId + "@example.com";
        UUID registration = UUID.randomUUID();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, registration, typo, TestClock.now(), "en"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(typo))
                .containsExactly("Registration confirmed: Dock talks"));

        // The organizer corrects the address (in capitals, as typed): the right one is written to.
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                registration, right.toUpperCase(), "en", "CONFIRMED", null, false, TestClock.now()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(typo)).containsExactlyInAnyOrder("Registration confirmed: Dock talks",
                    "Registration moved to another address: Dock talks");
            assertThat(Stories.subjectsTo(right)).containsExactly("Registration confirmed: Dock talks");
        });
        assertThat(method(calendar(Stories.onlyMessage(typo,
                "Registration moved to another address: Dock talks")))).isEqualTo("CANCEL");

        // Bram then reads Swedish: nothing is sent for that, the next mail is in Swedish.
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                registration, right, "sv", "CONFIRMED", null, false, TestClock.now()));
        Stories.twice(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                registration, right, "CONFIRMED", TestClock.now(), false, "sv"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(right))
                .containsExactlyInAnyOrder("Registration confirmed: Dock talks", "Anmälan avbokad: Dock talks"));
        assertThat(Stories.subjectsTo(typo)).hasSize(2);
    }

    @Test
    void nobodyIsWrittenToAboutAPlaceAtACancelledEvent() {
        UUID eventId = scheduled("Quay dinner");
        String ann = "ann-" + eventId + "@example.com";
        String ben = "ben-" + eventId + "@example.com";
        UUID registration = UUID.randomUUID();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, registration, ann, TestClock.now(), "en"));
        Stories.twice(RegistrationEvents.EVENT_CANCELLED, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Quay dinner", TestClock.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(ann))
                .containsExactlyInAnyOrder("Registration confirmed: Quay dinner", "Cancelled: Quay dinner"));
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                registration, ben, "en", "CONFIRMED", null, true, TestClock.now()));
        // The change is kept (Ben's export shows the copy) and nothing is written.
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/api/privacy/people/{e}", ben).then().statusCode(200)
                .body("registrations[0].registrationId", equalTo(registration.toString())));
        Stories.attendeeMail(eventId).body("deliveries", hasSize(2));
        assertThat(Stories.subjectsTo(ben)).isEmpty();
        assertThat(Stories.subjectsTo(ann)).hasSize(2);
    }
}
