package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentDescribesEveryNotificationEndpointWithItsProblemAnswers() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/events/{eventId}/briefings"))
                .body("paths", hasKey("/api/events/{eventId}/briefings/{briefingId}"))
                .body("paths", hasKey("/api/events/{eventId}/briefings/{briefingId}/acknowledgements"))
                .body("paths", hasKey("/api/events/{eventId}/briefings/{briefingId}/reminders"))
                .body("paths", hasKey("/api/events/{eventId}/briefings/{briefingId}/deliveries"))
                .body("paths", hasKey("/api/events/{eventId}/briefing-schedule"))
                .body("paths", hasKey("/api/events/{eventId}/recipients"))
                .body("paths", hasKey("/api/events/{eventId}/feedback"))
                .body("paths", hasKey("/api/acknowledgements/{token}"))
                .body("paths.'/api/events/{eventId}/recipients'.post.responses", hasKey("400"))
                .body("paths.'/api/events/{eventId}/recipients'.post.responses", hasKey("409"))
                .body("paths.'/api/events/{eventId}/briefings'.post.responses", hasKey("409"));
    }
}
