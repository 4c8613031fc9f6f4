package app.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A session is cancelled: each attendee whose choice of it was dropped, and who still holds a registration, is told
 * once, in their language, with the session's times in the event's time zone.
 */
@QuarkusTest
class SessionCancelledMailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theAttendeesWhoChoseACancelledSessionAreToldOnceAndOthersNot() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(15)).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(8));
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Maker day", start, start.plus(Duration.ofHours(8)), "Europe/Stockholm", 10,
                Stories.ownedByOlivia()));
        Stories.known(eventId);
        String ria = "ria-" + eventId + "@example.com";
        String sol = "sol-" + eventId + "@example.com";
        String tom = "tom-" + eventId + "@example.com";
        String uma = "uma-" + eventId + "@example.com";
        UUID riaReg = UUID.randomUUID();
        UUID solReg = UUID.randomUUID();
        UUID tomReg = UUID.randomUUID();
        UUID umaReg = UUID.randomUUID();
        Instant now = TestClock.now();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, riaReg, ria, now, "en"));
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, solReg, sol, now, "sv"));
        Stories.twice(RegistrationEvents.WAITLISTED, eventId,
                new RegistrationEvents.RegistrationWaitlisted(eventId, tomReg, tom, 1, now, "en"));
        Stories.twice(RegistrationEvents.CONFIRMED, eventId,
                new RegistrationEvents.RegistrationConfirmed(eventId, umaReg, uma, now, "en"));
        // Tom cancels before the session does: he is not told of it.
        Stories.twice(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                tomReg, tom, "WAITLISTED", TestClock.now(), false, "en"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(tom)).hasSize(2));

        UUID lab = UUID.randomUUID();
        Instant labStart = start.plus(Duration.ofHours(1));
        Stories.twice(RegistrationEvents.SESSION_CANCELLED, eventId, new RegistrationEvents.SessionCancelled(eventId,
                lab, "Robot lab", labStart, labStart.plus(Duration.ofHours(1)), List.of(riaReg, solReg, tomReg),
                TestClock.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(ria)).containsExactlyInAnyOrder("Registration confirmed: Maker day",
                    "Session cancelled: Robot lab (Maker day)");
            assertThat(Stories.subjectsTo(sol)).containsExactlyInAnyOrder("Anmälan bekräftad: Maker day",
                    "Passet inställt: Robot lab (Maker day)");
        });
        String text = Stories.text(Stories.onlyMessage(ria, "Session cancelled: Robot lab (Maker day)"));
        assertThat(text).contains("Your registration for Maker day stands");
        String local = labStart.atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalTime().toString();
        assertThat(text).contains(local).contains("(Europe/Stockholm)");
        assertThat(Stories.subjectsTo(tom)).hasSize(2);
        assertThat(Stories.subjectsTo(uma)).containsExactly("Registration confirmed: Maker day");
        Stories.attendeeMail(eventId).body("deliveries.findAll { it.kind == 'SESSION_CANCELLED' }.size()",
                org.hamcrest.Matchers.equalTo(2));
    }
}
