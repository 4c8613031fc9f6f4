package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A mangled or made-up acknowledgement link is a client error (a problem), never an internal one. */
@QuarkusTest
class AcknowledgementLinkTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aLinkHoldingNulIsABadRequest() {
        given().urlEncodingEnabled(false).post("/api/acknowledgements/%00").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/bad-request"));
        given().urlEncodingEnabled(false).post("/api/acknowledgements/abc%00def").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aLinkThatCannotBeOneWeSentIsNotFound() {
        given().urlEncodingEnabled(false).post("/api/acknowledgements/%E2%82%AC%20%27%22").then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("https://convene.app/problems/not-found"));
        given().post("/api/acknowledgements/{token}", "x".repeat(65)).then().statusCode(404).contentType(PROBLEM);
        given().post("/api/acknowledgements/{token}", "NoSuchTokenWasEverSent_0123456789abcdefghij").then()
                .statusCode(404).contentType(PROBLEM);
    }
}
