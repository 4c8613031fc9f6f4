package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Test
    void everyOperationOnAnEventSaysItsNotFoundMeansNotInYourOrganisationOrNotVisible() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).path("paths");
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/events/{eventId}")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                assertThat(responses.path("404").path("description").asText()).as(name)
                        .contains("in your organisation, or not visible to you");
                assertThat(responses.has("403")).as(name).isTrue();
                checked.add(name);
            });
        });
        assertThat(checked).contains("GET /api/events/{eventId}/briefings", "POST /api/events/{eventId}/recipients",
                "DELETE /api/events/{eventId}/recipients/{recipientId}", "POST /api/events/{eventId}/feedback",
                "PUT /api/events/{eventId}/briefing-schedule",
                "POST /api/events/{eventId}/briefings/{briefingId}/reminders");
    }
}
