package app.convene.e2e;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;

import app.convene.backbone.testing.Tokens;
import app.convene.e2e.Stack.Service;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The HTTP calls people make through the front-ends, as test steps. */
final class Api {
    static final String ORGANIZER = "olivia.organizer@example.com";

    private Api() {
    }

    /** A request to one service on behalf of someone holding the role. */
    static RequestSpecification as(Service service, String role, String subject) {
        return as(service.url(), role, subject);
    }

    /** A request from someone of organisation {@code org}. */
    static RequestSpecification as(Service service, String role, String subject, String org) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(role, subject, org))
                .contentType(ContentType.JSON);
    }

    /** The same, to a service a test launched itself at {@code baseUri}. */
    static RequestSpecification as(String baseUri, String role, String subject) {
        return given().baseUri(baseUri).header("Authorization", Tokens.bearer(role, subject))
                .contentType(ContentType.JSON);
    }

    static String scheduleEvent(String title, Instant startsAt, Instant endsAt, int capacity) {
        return as(Service.REGISTRATION, "organizer", ORGANIZER)
                .body(Map.of("title", title, "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                        "timeZone", "Europe/Stockholm", "capacity", capacity))
                .post("/api/events").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse register(String eventId, String email, String name) {
        return as(Service.REGISTRATION, "attendee", email)
                .body(Map.of("attendee", Map.of("email", email, "name", name)))
                .post("/api/events/{e}/registrations", eventId).then();
    }

    static ValidatableResponse registration(String eventId, String registrationId, String asEmail) {
        return as(Service.REGISTRATION, "attendee", asEmail)
                .get("/api/events/{e}/registrations/{r}", eventId, registrationId).then();
    }

    static ValidatableResponse cancel(String eventId, String registrationId, String asEmail) {
        return as(Service.REGISTRATION, "attendee", asEmail)
                .post("/api/events/{e}/registrations/{r}/cancel", eventId, registrationId).then();
    }

    static ValidatableResponse budget(String eventId) {
        return as(Service.BUDGET, "finance", "fiona.finance@example.com")
                .get("/api/events/{e}/budget", eventId).then();
    }

    static ValidatableResponse readiness(String eventId) {
        return as(Service.VENUE, "facility", "frank.facility@example.com")
                .get("/api/events/{e}/readiness", eventId).then();
    }

    static ValidatableResponse briefings(String eventId) {
        return as(Service.NOTIFICATION, "organizer", ORGANIZER).get("/api/events/{e}/briefings", eventId).then();
    }
}
