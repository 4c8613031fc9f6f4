package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.ProducerRecord;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.EventType;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Steps the stories share: announcing as the other services would, managing lists, reading mail. */
final class Stories {
    /** The owner of the stories' events: the subject of {@link Tokens#organizer()}. */
    static final String OWNER = "olivia.organizer@example.com";
    static final String ORGANIZER = Tokens.organizer();

    private static final String ORGANISATION = Tokens.ORGANISATION;

    private Stories() {
    }

    /** An event of acme owned by {@link #OWNER}, seen by all of acme's staff. */
    static EventAccess ownedByOlivia() {
        return new EventAccess(ORGANISATION, OWNER, false, List.of(), List.of());
    }

    /** The event's schedule as registration announces it, with who may see and change it. */
    static void schedule(UUID eventId, String title, Instant start, Instant end, String timeZone, int capacity,
            EventAccess access) {
        announce(RegistrationEvents.EVENT_SCHEDULED, eventId, new RegistrationEvents.EventScheduled(eventId, title,
                start, end, timeZone, capacity, access));
    }

    static <P> void announce(EventType<P> type, UUID eventId, P payload) {
        KafkaBroker.send(EventRecords.of(type, eventId, payload));
    }

    /** The record, with one id, delivered twice (as after a producer retry or a consumer restart). */
    static <P> void twice(EventType<P> type, UUID key, P payload) {
        UUID id = UUID.randomUUID();
        KafkaBroker.send(record(id, type, key, payload));
        KafkaBroker.send(record(id, type, key, payload));
    }

    /** The one message to {@code address} with this subject (mails are sent in parallel, so in any order). */
    static MimeMessage onlyMessage(String address, String subject) {
        List<MimeMessage> found = SmtpServer.messagesTo(address).stream()
                .filter(m -> subject.equals(PreEventBriefingStoryTest.subject(m))).toList();
        assertThat(found).as("messages to %s titled %s", address, subject).hasSize(1);
        return found.get(0);
    }

    /** The subjects of every message to {@code address}. */
    static List<String> subjectsTo(String address) {
        return SmtpServer.messagesTo(address).stream().map(PreEventBriefingStoryTest::subject).toList();
    }

    static <P> ProducerRecord<String, String> record(UUID id, EventType<P> type, UUID eventId, P payload) {
        return EventRecords.withId(id, type, eventId, payload);
    }

    /** Waits (a fresh start's consumers may still be joining) until notification knows the event. */
    static void known(UUID eventId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> briefings(eventId).statusCode(200));
    }

    /** The log of the event's attendee mail (its first page of 500, newest first), as its organizer reads it. */
    static ValidatableResponse attendeeMail(UUID eventId) {
        return given().header("Authorization", ORGANIZER).queryParam("limit", 500)
                .get("/api/events/{e}/attendee-mail/deliveries", eventId).then().statusCode(200);
    }

    static ValidatableResponse briefings(UUID eventId) {
        return given().header("Authorization", ORGANIZER).get("/api/events/{e}/briefings", eventId).then();
    }

    static ValidatableResponse addRecipient(UUID eventId, Map<String, Object> body) {
        return given().header("Authorization", ORGANIZER).contentType(ContentType.JSON).body(body)
                .post("/api/events/{e}/recipients", eventId).then();
    }

    /** The text/plain and text/html parts of a message, decoded. */
    static List<String> parts(Part part, String mimeType) throws Exception {
        List<String> found = new ArrayList<>();
        if (part.isMimeType(mimeType)) {
            found.add((String) part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(parts(multipart.getBodyPart(i), mimeType));
            }
        }
        return found;
    }

    /** The text/plain parts, with the line ends as the template wrote them (SMTP carries CRLF). */
    static String text(Part part) throws Exception {
        return String.join("\n", parts(part, "text/plain")).replace("\r\n", "\n");
    }

    static String html(Part part) throws Exception {
        return String.join("\n", parts(part, "text/html"));
    }
}
