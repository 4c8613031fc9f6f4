package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document tells clients the access rule's answers on every operation that reaches an object. */
@QuarkusTest
class OpenApiAccessTest {
    private static final List<String> FACILITY_ONLY = List.of("POST /api/checklists/{checklistId}/inspections",
            "POST /api/checklists/{checklistId}/sign-off", "POST /api/actions/{actionId}/closure",
            "POST /api/events/{eventId}/insurance-certificates");
    private static final List<String> MEMBERS_OR_FACILITY = List.of("POST /api/bookings",
            "POST /api/bookings/{bookingId}/cancellation", "POST /api/bookings/{bookingId}/checklists");

    @Test
    void everyOperationOnAnObjectSaysItMayBeNotFoundInYourOrganisationOrNotVisibleAndChangesSayWhoMay()
            throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (Map.Entry<String, JsonNode> operation : (Iterable<Map.Entry<String, JsonNode>>) path
                    .getValue()::fields) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                // The operator's dead letters belong to no organisation (the backbone's operations API); a privacy
                // export's {email} is no object (an address nothing is held about gets an empty export).
                if ((path.getKey().contains("{") && !path.getKey().startsWith("/api/operations/")
                        && !path.getKey().startsWith("/api/privacy/"))
                        || name.equals("POST /api/bookings")) {
                    assertThat(responses.path("404").path("description").asText()).as(name)
                            .contains("in your organisation, or not visible to you");
                    checked.add(name);
                }
                if (FACILITY_ONLY.contains(name)) {
                    assertThat(responses.path("403").path("description").asText()).as(name)
                            .startsWith("Only the facility role does this");
                }
                if (MEMBERS_OR_FACILITY.contains(name)) {
                    assertThat(responses.path("403").path("description").asText()).as(name)
                            .contains("not its owner, a co-organizer or a delegate");
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(24).containsAll(FACILITY_ONLY)
                .containsAll(MEMBERS_OR_FACILITY);
    }
}
