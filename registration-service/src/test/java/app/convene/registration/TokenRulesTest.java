package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A token is good here only when it names this service among its audiences and is not older than 12 hours. */
@QuarkusTest
class TokenRulesTest {
    private static final String ANNA = "anna.tokens@example.com";

    @Test
    void aTokenForAllServicesIsAccepted() {
        given().header("Authorization", Tokens.bearer("attendee", ANNA)).get("/api/me/registrations").then()
                .statusCode(200);
    }

    @Test
    void aTokenIssuedForAnotherServiceIsRefused() {
        String forBudget = Tokens.bearer("attendee", ANNA, "acme", Set.of("convene-budget"), Instant.now(),
                Duration.ofHours(1));
        given().header("Authorization", forBudget).get("/api/me/registrations").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenIssuedMoreThanTwelveHoursAgoIsRefusedEvenIfNotExpired() {
        String stale = Tokens.bearer("attendee", ANNA, "acme", Tokens.AUDIENCES,
                Instant.now().minus(Duration.ofHours(13)), Duration.ofHours(14));
        given().header("Authorization", stale).get("/api/me/registrations").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenIssuedForLongerThanTwelveHoursIsRefused() {
        String longLived = Tokens.bearer("attendee", ANNA, "acme", Tokens.AUDIENCES, Instant.now(),
                Duration.ofDays(30));
        given().header("Authorization", longLived).get("/api/me/registrations").then().statusCode(401);
    }
}
