package app.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import app.convene.backbone.event.RegistrationEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The confirmation and the promotion carry the attendee's ticket: its code in the text, in their language, and a QR
 * code picture that a scanner reads back as that code. The waiting list's mail carries none. The reminder before the
 * start carries it again: the ticket the registration holds by then.
 */
@QuarkusTest
class TicketMailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String code() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static List<Part> pictures(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.isMimeType("image/png")) {
            found.add(part);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(pictures(multipart.getBodyPart(i)));
            }
        }
        return found;
    }

    /** What a door scanner reads from the message's one picture. */
    private static String scanned(MimeMessage message) throws Exception {
        List<Part> pictures = pictures(message);
        assertThat(pictures).singleElement().satisfies(p -> assertThat(p.getFileName()).isEqualTo("ticket.png"));
        BufferedImage image = ImageIO.read(pictures.get(0).getInputStream());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void theConfirmationAndThePromotionCarryTheTicketAsAScannableQrCodeTheWaitingListsMailNone() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Maker day", start, start.plus(Duration.ofHours(6)), "Europe/Stockholm", 1,
                Stories.ownedByOlivia()));
        Stories.known(eventId);
        String sara = "sara-" + eventId + "@example.com";
        String tom = "tom-" + eventId + "@example.com";
        UUID saraReg = UUID.randomUUID();
        UUID tomReg = UUID.randomUUID();
        String saraCode = code();
        String tomCode = code();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                saraReg, sara, TestClock.now(), "sv", saraCode));
        Stories.twice(RegistrationEvents.WAITLISTED, eventId, new RegistrationEvents.RegistrationWaitlisted(eventId,
                tomReg, tom, 1, TestClock.now(), "en"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(sara)).containsExactly("Anmälan bekräftad: Maker day");
            assertThat(Stories.subjectsTo(tom)).containsExactly("On the waiting list: Maker day");
        });
        MimeMessage confirmation = Stories.onlyMessage(sara, "Anmälan bekräftad: Maker day");
        assertThat(Stories.text(confirmation)).contains("Din biljett: " + saraCode + ".");
        assertThat(scanned(confirmation)).isEqualTo(saraCode);
        assertThat(pictures(Stories.onlyMessage(tom, "On the waiting list: Maker day"))).isEmpty();

        // Sara cancels and Tom is promoted: his ticket comes with the seat.
        Stories.twice(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                saraReg, sara, "CONFIRMED", TestClock.now(), false, "sv"));
        Stories.twice(RegistrationEvents.PROMOTED, eventId, new RegistrationEvents.RegistrationPromoted(eventId,
                tomReg, tom, TestClock.now(), "en", tomCode));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stories.subjectsTo(tom))
                .containsExactlyInAnyOrder("On the waiting list: Maker day", "A seat is yours: Maker day"));
        MimeMessage promotion = Stories.onlyMessage(tom, "A seat is yours: Maker day");
        assertThat(Stories.text(promotion)).contains("Your ticket: " + tomCode + ". Show it at the door");
        assertThat(scanned(promotion)).isEqualTo(tomCode);
    }

    @Test
    void theReminderCarriesTheTicketTheRegistrationHoldsByThenAndTheirPersonalDataShowsIt() throws Exception {
        UUID eventId = UUID.randomUUID();
        // Close to now, so the service's clock moves only a little (other stories share it).
        Instant start = TestClock.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Stories.twice(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId,
                "Harbour night", start, start.plus(Duration.ofHours(3)), "Europe/Amsterdam", 10,
                Stories.ownedByOlivia()));
        Stories.known(eventId);
        String ruben = "ruben-" + eventId + "@example.com";
        String noor = "noor-" + eventId + "@example.com";
        String ida = "ida-" + eventId + "@example.com";
        UUID rubenReg = UUID.randomUUID();
        UUID idaReg = UUID.randomUUID();
        String rubenCode = code();
        String noorCode = code();
        String idaCode = code();
        Stories.twice(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                rubenReg, ruben, TestClock.now(), "en", rubenCode));
        Stories.twice(RegistrationEvents.WAITLISTED, eventId, new RegistrationEvents.RegistrationWaitlisted(eventId,
                idaReg, ida, 1, TestClock.now(), "sv"));
        Stories.twice(RegistrationEvents.PROMOTED, eventId, new RegistrationEvents.RegistrationPromoted(eventId,
                idaReg, ida, TestClock.now(), "sv", idaCode));
        // Ruben hands his place to Noor, who reads Dutch: the place's ticket is a new one.
        Stories.twice(RegistrationEvents.ATTENDEE_CHANGED, eventId, new RegistrationEvents.AttendeeChanged(eventId,
                rubenReg, noor, "nl", "CONFIRMED", null, true, TestClock.now(), noorCode));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(noor)).containsExactly("Inschrijving bevestigd: Harbour night");
            assertThat(Stories.subjectsTo(ida)).contains("En plats är din: Harbour night");
        });

        TestClock.advanceTo(start.minus(Duration.ofHours(23)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Stories.subjectsTo(noor)).contains("Herinnering: Harbour night");
            assertThat(Stories.subjectsTo(ida)).contains("Påminnelse: Harbour night");
        });
        MimeMessage noorReminded = Stories.onlyMessage(noor, "Herinnering: Harbour night");
        assertThat(Stories.text(noorReminded)).contains("Je ticket: " + noorCode + ".")
                .doesNotContain(rubenCode);
        assertThat(scanned(noorReminded)).isEqualTo(noorCode);
        MimeMessage idaReminded = Stories.onlyMessage(ida, "Påminnelse: Harbour night");
        assertThat(Stories.text(idaReminded)).contains(idaCode);
        assertThat(scanned(idaReminded)).isEqualTo(idaCode);
        assertThat(Stories.subjectsTo(ruben)).doesNotContain("Reminder: Harbour night");

        // What the service keeps of Noor, as her request for her personal data shows it, names her ticket.
        given().header("Authorization", Stories.ORGANIZER).get("/api/privacy/people/{e}", noor).then()
                .statusCode(200).body("registrations.ticketCode", contains(noorCode));
    }
}
