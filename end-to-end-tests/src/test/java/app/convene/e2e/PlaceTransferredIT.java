package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;
import io.restassured.specification.RequestSpecification;

/**
 * An attendee who cannot go transfers her place to a colleague through the four packaged services: the colleague
 * holds her seat and is written to (in his language), she is told once; the headcount budget and notification show
 * never moves.
 */
@ExtendWith(Stack.class)
class PlaceTransferredIT {
    private static final String ORG = "handover-" + Long.toString(System.nanoTime(), 36);
    private static final String ORGANIZER = "otto.organizer@handover.example";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aColleagueTakesOverASeatAndIsWrittenToInsteadOfTheOneWhoGaveItUp() throws Exception {
        Instant startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String title = "Partner day " + ORG;
        String eventId = as("organizer", ORGANIZER).body(Map.of("title", title, "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(6, ChronoUnit.HOURS).toString(), "timeZone", "Europe/Amsterdam",
                        "capacity", 1))
                .post("/api/events").then().statusCode(201).extract().path("id");
        String ines = "ines@" + ORG + ".example";
        String jan = "jan@" + ORG + ".example";
        String kim = "kim@" + ORG + ".example";
        String seat = as("attendee", ines).body(Map.of("attendee", Map.of("email", ines, "name", "Ines")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        as("attendee", kim).body(Map.of("attendee", Map.of("email", kim, "name", "Kim")))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(ines))
                .containsExactly("Registration confirmed: " + title));

        // Ines cannot go; Jan, who reads Dutch, goes instead and keeps her seat: Kim still waits.
        as("attendee", ines).body(Map.of("attendee", Map.of("email", jan, "name", "Jan", "language", "nl")))
                .post("/api/events/{e}/registrations/{r}/transfer", eventId, seat).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("attendee.email", equalTo(jan));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(jan)).containsExactly("Inschrijving bevestigd: " + title);
            assertThat(subjects(ines)).containsExactlyInAnyOrder("Registration confirmed: " + title,
                    "Place transferred: " + title);
        });
        as("attendee", jan).get("/api/events/{e}/registrations/{r}", eventId, seat).then().statusCode(200);
        as("attendee", ines).get("/api/events/{e}/registrations/{r}", eventId, seat).then().statusCode(404);
        as("organizer", ORGANIZER).get("/api/events/{e}", eventId).then().statusCode(200)
                .body("confirmed", equalTo(1)).body("waitlisted", equalTo(1));
        assertThat(subjects(kim)).containsExactly("On the waiting list: " + title);

        // Jan cancels after all: the seat goes to Kim, and Jan (not Ines) is told of the cancellation.
        as("attendee", jan).post("/api/events/{e}/registrations/{r}/cancel", eventId, seat).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(subjects(kim)).containsExactlyInAnyOrder("On the waiting list: " + title,
                    "A seat is yours: " + title);
            assertThat(subjects(jan)).containsExactlyInAnyOrder("Inschrijving bevestigd: " + title,
                    "Inschrijving geannuleerd: " + title);
        });
        assertThat(subjects(ines)).hasSize(2);
    }

    private static List<String> subjects(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : Stack.mailTo(address)) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private static RequestSpecification as(String role, String subject) {
        return Api.as(Service.REGISTRATION, role, subject, ORG);
    }
}
