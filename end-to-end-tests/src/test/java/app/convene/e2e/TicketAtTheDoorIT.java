package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import app.convene.e2e.Stack.Service;
import io.restassured.specification.RequestSpecification;

/**
 * Through the four packaged services: the QR code in an attendee's confirmation admits her at the door once; a place
 * passed to a colleague comes with a new ticket, and the first one admits nobody.
 */
@ExtendWith(Stack.class)
class TicketAtTheDoorIT {
    private static final String ORG = "door-" + Long.toString(System.nanoTime(), 36);
    private static final String ORGANIZER = "otto.organizer@door.example";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theQrCodeMailedWithAConfirmationChecksItsHolderInAndATransferReplacesIt() throws Exception {
        Instant startsAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String title = "Open house " + ORG;
        String eventId = as("organizer", ORGANIZER).body(Map.of("title", title, "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(4, ChronoUnit.HOURS).toString(), "timeZone", "Europe/Amsterdam",
                        "capacity", 10))
                .post("/api/events").then().statusCode(201).extract().path("id");
        String ines = "ines@" + ORG + ".example";
        String lea = "lea@" + ORG + ".example";
        String jan = "jan@" + ORG + ".example";
        as("attendee", ines).body(Map.of("attendee", Map.of("email", ines, "name", "Ines Berg")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201);
        String leaSeat = as("attendee", lea).body(Map.of("attendee", Map.of("email", lea, "name", "Lea Falk")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201).extract().path("id");

        // What the door's scanner reads from Ines's mail checks her in, once.
        String inesTicket = scanned(confirmation(ines, "Registration confirmed: " + title));
        door(eventId, inesTicket).statusCode(200).body("attendee.name", equalTo("Ines Berg"));
        door(eventId, inesTicket).statusCode(409).body("type",
                equalTo("https://convene.app/problems/already-checked-in"));

        // Lea passes her place to Jan before the day: his mail's ticket admits him, hers nobody.
        String leaTicket = scanned(confirmation(lea, "Registration confirmed: " + title));
        as("attendee", lea).body(Map.of("attendee", Map.of("email", jan, "name", "Jan de Vries", "language", "nl")))
                .post("/api/events/{e}/registrations/{r}/transfer", eventId, leaSeat).then().statusCode(200);
        String janTicket = scanned(confirmation(jan, "Inschrijving bevestigd: " + title));
        assertThat(janTicket).isNotEqualTo(leaTicket);
        door(eventId, leaTicket).statusCode(404).body("type", equalTo("https://convene.app/problems/ticket-not-found"));
        door(eventId, janTicket).statusCode(200).body("attendee.name", equalTo("Jan de Vries"));
        as("organizer", ORGANIZER).get("/api/events/{e}", eventId).then().statusCode(200)
                .body("checkedIn", equalTo(2));
    }

    private static io.restassured.response.ValidatableResponse door(String eventId, String ticket) {
        return as("organizer", ORGANIZER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("ticketCode", ticket)).post("/api/events/{e}/check-ins", eventId).then();
    }

    private static MimeMessage confirmation(String address, String subject) {
        return await().atMost(PATIENCE).until(() -> {
            for (MimeMessage mail : Stack.mailTo(address)) {
                if (subject.equals(mail.getSubject())) {
                    return mail;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    /** The mail's ticket.png, read as a door scanner reads it. */
    private static String scanned(Part part) throws Exception {
        Part picture = picture(part);
        assertThat(picture).as("a ticket.png in the mail").isNotNull();
        assertThat(picture.getFileName()).isEqualTo("ticket.png");
        BufferedImage image = ImageIO.read(picture.getInputStream());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private static Part picture(Part part) throws Exception {
        if (part.isMimeType("image/png")) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = picture(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static RequestSpecification as(String role, String subject) {
        return Api.as(Service.REGISTRATION, role, subject, ORG);
    }
}
