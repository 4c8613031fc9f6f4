package app.convene.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;
import io.restassured.response.ValidatableResponse;

/**
 * Erin asks to be forgotten. She registered for an event, is a caterer's contact at the venue and receives the
 * event's briefings; the organisation's privacy officer erases her once, at registration-service, and every service
 * forgets her: each one's export of her address is empty, the roll shows "Erased person", the event's counts stay,
 * and the erasure's progress is DONE for all four services.
 */
@ExtendWith(Stack.class)
class ErasureIT {
    private static final Duration CONVERGES = Duration.ofSeconds(60);
    private static final String OFFICER = "pia.privacy@example.com";
    private static final String FACILITY = "frank.facility@example.com";

    private static ValidatableResponse export(Service service, String email) {
        return Api.as(service, "privacy-officer", OFFICER).get("/api/privacy/people/{e}", email).then()
                .statusCode(200);
    }

    @Test
    void anErasedPersonIsForgottenByEveryServiceAndTheCountsStay() {
        String erin = "erin." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant startsAt = Instant.now().plus(Duration.ofDays(25)).truncatedTo(ChronoUnit.HOURS);
        String eventId = Api.scheduleEvent("Supplier day", startsAt, startsAt.plus(Duration.ofHours(6)), 2);
        Api.register(eventId, erin, "Erin Eriksson").statusCode(201).body("status", equalTo("CONFIRMED"));
        Api.register(eventId, "bob." + UUID.randomUUID() + "@example.com", "Bob").statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        Api.register(eventId, "carl." + UUID.randomUUID() + "@example.com", "Carl").statusCode(201)
                .body("status", equalTo("WAITLISTED"));

        String venueId = Api.as(Service.VENUE, "facility", FACILITY)
                .body(Map.of("name", "Harbour hall " + UUID.randomUUID(), "address", Map.of("street", "Kaj 1",
                        "city", "Stockholm", "country", "SE")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        Api.as(Service.VENUE, "facility", FACILITY)
                .body(Map.of("name", "Erin Eriksson", "role", "catering", "email", erin, "phone", "+46 8 555 0101"))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201);
        await("notification-service knows the event").atMost(CONVERGES).untilAsserted(() -> Api.briefings(eventId)
                .statusCode(200));
        Api.as(Service.NOTIFICATION, "organizer", Api.ORGANIZER)
                .body(Map.of("audience", "LEADS", "name", "Erin Eriksson", "channel", "EMAIL", "address", erin))
                .post("/api/events/{e}/recipients", eventId).then().statusCode(201);

        export(Service.REGISTRATION, erin).body("registrations", hasSize(1));
        export(Service.VENUE, erin).body("partnerContacts", hasSize(1));
        await("notification-service has her registration").atMost(CONVERGES).untilAsserted(() ->
                export(Service.NOTIFICATION, erin).body("recipients", hasSize(1)).body("registrations", hasSize(1)));
        await("budget-service counts her").atMost(CONVERGES).untilAsserted(() -> Api.budget(eventId)
                .statusCode(200).body("headcount.confirmed", equalTo(2)));

        String erasureId = Api.as(Service.REGISTRATION, "privacy-officer", OFFICER)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("email", erin))
                .post("/api/privacy/erasures").then().statusCode(202).extract().path("id");

        await("every service has done its part").atMost(CONVERGES).untilAsserted(() ->
                Api.as(Service.REGISTRATION, "privacy-officer", OFFICER)
                        .get("/api/privacy/erasures/{id}", erasureId).then().statusCode(200)
                        .body("complete", equalTo(true))
                        .body("progress.service", equalTo(List.of("budget-service", "notification-service",
                                "registration-service", "venue-service")))
                        .body("progress.status", not(hasItem("PENDING"))));
        Api.as(Service.REGISTRATION, "privacy-officer", OFFICER).get("/api/privacy/erasures/{id}", erasureId)
                .then().body("progress.find { it.service == 'registration-service' }.rowsAnonymised", equalTo(1))
                .body("progress.find { it.service == 'venue-service' }.rowsAnonymised", equalTo(1))
                .body("progress.find { it.service == 'budget-service' }.rowsAnonymised", equalTo(0));

        export(Service.REGISTRATION, erin).body("registrations", empty()).body("speakers", empty());
        export(Service.VENUE, erin).body("partnerContacts", empty());
        export(Service.BUDGET, erin).body("mentions", empty());
        export(Service.NOTIFICATION, erin).body("recipients", empty()).body("deliveries", empty())
                .body("feedback", empty()).body("registrations", empty());
        String roll = Api.as(Service.REGISTRATION, "organizer", Api.ORGANIZER).get("/api/events/{e}/roll", eventId)
                .then().statusCode(200).body("registrations.attendee.name", hasItem("Erased person"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(roll).doesNotContain(erin).doesNotContain("Erin");
        Api.as(Service.REGISTRATION, "organizer", Api.ORGANIZER).get("/api/events/{e}", eventId).then()
                .body("confirmed", equalTo(2)).body("waitlisted", equalTo(1));
        Api.budget(eventId).body("headcount.confirmed", equalTo(2));
        // Another organisation does not see the erasure.
        Api.as(Service.REGISTRATION, "privacy-officer", OFFICER, "globex")
                .get("/api/privacy/erasures/{id}", erasureId).then().statusCode(404);
    }
}
