package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;
import io.restassured.specification.RequestSpecification;

/**
 * A gala of a new organisation, through the four packaged services and a real SMTP server: attendees receive their
 * confirmations with invitations, the waitlisted and then promoted attendee exactly one mail each, and the event's
 * go/no-go moves from NO_GO to GO as the budget is approved, the room booked, the inspection signed off and the
 * briefing acknowledged; the organizers are told of each change of decision.
 */
@ExtendWith(Stack.class)
class GoNoGoAndMailIT {
    private static final String ORG = "gala-" + Long.toString(System.nanoTime(), 36);
    private static final String ORGANIZER = "gustav.organizer@gala.example";
    private static final String FINANCE = "frida.finance@gala.example";
    private static final String FACILITY = "filip.facility@gala.example";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void attendeesGetTheirMailAndTheGateOpensAsEveryCheckIsMet() throws Exception {
        Instant startsAt = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant endsAt = startsAt.plus(4, ChronoUnit.HOURS);
        String title = "Autumn gala " + ORG;
        String eventId = organizer(Service.REGISTRATION)
                .body(Map.of("title", title, "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                        "timeZone", "Europe/Stockholm", "capacity", 2))
                .post("/api/events").then().statusCode(201).extract().path("id");

        organizer(Service.NOTIFICATION).body(Map.of("requiredChecks", List.of("seats", "budget-approved",
                        "room-booked", "inspection-signed-off", "briefing-acknowledged"),
                "decisionDueBefore", "PT48H", "acknowledgingAudiences", List.of("ORGANIZERS")))
                .put("/api/go-no-go/policy").then().statusCode(200);
        String organizersList = "gala-organizers-" + ORG + "@gala.example";
        await().atMost(PATIENCE).untilAsserted(() -> organizer(Service.NOTIFICATION)
                .body(Map.of("audience", "ORGANIZERS", "name", "Gala organizers", "channel", "EMAIL",
                        "address", organizersList, "language", "en"))
                .post("/api/events/{e}/recipients", eventId).then().statusCode(201));
        organizer(Service.NOTIFICATION).body(Map.of("minimumAttendance", 2))
                .put("/api/events/{e}/go-no-go/target", eventId).then().statusCode(200);

        // Two seats, three attendees: two confirmations with invitations, one waiting-list mail.
        String anna = "anna-" + ORG + "@gala.example";
        String bram = "bram-" + ORG + "@gala.example";
        String cleo = "cleo-" + ORG + "@gala.example";
        String annaRegistration = register(eventId, anna, "Anna", "sv");
        register(eventId, bram, "Bram", "en");
        register(eventId, cleo, "Cleo", "en");
        awaitMail(anna, 1);
        awaitMail(bram, 1);
        awaitMail(cleo, 1);
        assertThat(subjects(anna)).containsExactly("Anmälan bekräftad: " + title);
        assertThat(invitationMethods(anna)).containsExactly("REQUEST");
        assertThat(invitationMethods(bram)).containsExactly("REQUEST");
        assertThat(subjects(cleo)).containsExactly("On the waiting list: " + title);
        assertThat(invitationMethods(cleo)).isEmpty();

        // Anna cancels: she is sent the cancellation, Cleo exactly one promotion with her invitation.
        Api.as(Service.REGISTRATION, "attendee", anna, ORG)
                .post("/api/events/{e}/registrations/{r}/cancel", eventId, annaRegistration).then().statusCode(200);
        awaitMail(anna, 2);
        awaitMail(cleo, 2);
        assertThat(subjects(cleo)).containsExactly("On the waiting list: " + title, "A seat is yours: " + title);
        assertThat(invitationMethods(cleo)).containsExactly("REQUEST");
        assertThat(invitationMethods(anna)).containsExactly("REQUEST", "CANCEL");

        // Nothing is approved, booked, inspected or acknowledged yet: no go.
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId).statusCode(200)
                .body("decision", equalTo("NO_GO"))
                .body("checks.find { it.name == 'seats' }.status", equalTo("MET"))
                .body("checks.find { it.name == 'budget-approved' }.status", equalTo("NOT_MET")));

        // Finance approves the budget the organizer submitted.
        organizer(Service.BUDGET).body(Map.of("currency", "SEK")).put("/api/events/{e}/budget", eventId).then()
                .statusCode(201);
        organizer(Service.BUDGET).body(Map.of("category", "CATERING", "description", "Gala dinner", "vendor",
                        "Gala kitchen", "kind", "PER_ATTENDEE", "unitAmount", "450.00", "glAccount", "6400"))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201);
        organizer(Service.BUDGET).post("/api/events/{e}/budget/submission", eventId).then().statusCode(200);
        as(Service.BUDGET, "finance", FINANCE).post("/api/events/{e}/budget/approval", eventId).then()
                .statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId)
                .body("checks.find { it.name == 'budget-approved' }.status", equalTo("MET")));

        // Facility books a room, and inspects and signs off its checklist.
        String venueId = as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Gala hall " + ORG,
                        "address", Map.of("street", "Kungsgatan 1", "postalCode", "11143", "city", "Stockholm",
                                "country", "SE")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String roomId = as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Ballroom",
                        "seatedCapacity", 40, "standingCapacity", 60, "safeOccupancy", 50,
                        "accessibilityFeatures", List.of(), "equipment", List.of()))
                .post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract().path("id");
        String bookingId = await().atMost(PATIENCE).until(() -> organizer(Service.VENUE)
                .body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", startsAt.toString(),
                        "endsAt", endsAt.toString(), "setupMinutes", 30, "teardownMinutes", 30))
                .post("/api/bookings").then().extract().path("id"), id -> id != null);
        String templateId = as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Fire safety " + ORG,
                        "category", "FIRE_SAFETY", "items", List.of(Map.of("description", "Exits clear",
                                "mandatory", true, "dueHoursBeforeStart", 24))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        var checklist = as(Service.VENUE, "facility", FACILITY).body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract();
        String checklistId = checklist.path("id");
        String itemId = checklist.path("items[0].id");
        as(Service.VENUE, "facility", FACILITY).body(Map.of("results", List.of(Map.of("itemId", itemId,
                        "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201);
        as(Service.VENUE, "facility", FACILITY).post("/api/checklists/{c}/sign-off", checklistId).then()
                .statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId)
                .body("checks.find { it.name == 'room-booked' }.status", equalTo("MET"))
                .body("checks.find { it.name == 'inspection-signed-off' }.status", equalTo("MET"))
                .body("decision", equalTo("NO_GO"))
                .body("checks.find { it.name == 'briefing-acknowledged' }.status", equalTo("NOT_MET")));

        // The organizers' list reads the pre-event briefing and acknowledges it: go.
        String briefingId = organizer(Service.NOTIFICATION).body(Map.of("kind", "PRE_EVENT"))
                .post("/api/events/{e}/briefings", eventId).then().statusCode(201).extract().path("id");
        Api.as(Service.NOTIFICATION, "organizer", organizersList, ORG)
                .post("/api/events/{e}/briefings/{b}/acknowledgements", eventId, briefingId).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        await().atMost(PATIENCE).untilAsserted(() -> gate(eventId).body("decision", equalTo("GO")));

        // The organizers heard of the change to GO, and the briefing they were sent shows the gate.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stack.mailTo(organizersList))
                .anyMatch(mail -> text(mail).contains("NO_GO \u2192 GO")));
        assertThat(Stack.mailTo(organizersList)).anyMatch(mail -> text(mail).toLowerCase().contains("go/no-go"));
    }

    private static String register(String eventId, String email, String name, String language) {
        return Api.as(Service.REGISTRATION, "attendee", email, ORG)
                .body(Map.of("attendee", Map.of("email", email, "name", name, "language", language)))
                .post("/api/events/{e}/registrations", eventId).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse gate(String eventId) {
        return organizer(Service.NOTIFICATION).get("/api/events/{e}/go-no-go", eventId).then();
    }

    private static RequestSpecification organizer(Service service) {
        return as(service, "organizer", ORGANIZER);
    }

    private static RequestSpecification as(Service service, String role, String subject) {
        return Api.as(service, role, subject, ORG);
    }

    private static void awaitMail(String address, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Stack.mailTo(address)).hasSize(count));
    }

    private static List<String> subjects(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : Stack.mailTo(address)) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    /** The METHOD of every calendar attachment the address received, in order. */
    private static List<String> invitationMethods(String address) throws MessagingException, IOException {
        List<String> methods = new ArrayList<>();
        for (MimeMessage mail : Stack.mailTo(address)) {
            collectMethods(mail, methods);
        }
        return methods;
    }

    private static void collectMethods(Part part, List<String> methods) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectMethods(child, methods);
            }
        } else if (part.isMimeType("text/calendar") || (part.getFileName() != null
                && part.getFileName().endsWith(".ics"))) {
            String calendar = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            calendar.lines().filter(line -> line.startsWith("METHOD:")).findFirst()
                    .ifPresent(line -> methods.add(line.substring("METHOD:".length()).trim()));
        }
    }

    private static String text(MimeMessage mail) {
        try {
            StringBuilder text = new StringBuilder();
            collectText(mail, text);
            return text.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectText(Part part, StringBuilder text) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), text);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        }
    }
}
