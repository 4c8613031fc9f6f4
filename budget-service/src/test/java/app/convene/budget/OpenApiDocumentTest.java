package app.convene.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document lists every answer of the roll-up, export-job and line endpoints, errors as problems. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyErrorAnswerOfTheNewEndpointsIsDocumentedAsAProblem() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String[]> expected = Map.of(
                "'/api/roll-up'.get", new String[] { "200", "400", "401", "403", "409" },
                "'/api/departments/{department}/allowances/{period}'.put",
                new String[] { "200", "201", "400", "401", "403" },
                "'/api/finance/exports'.post", new String[] { "202", "400", "401", "403", "409", "422" },
                "'/api/finance/exports/{id}'.get", new String[] { "200", "401", "403", "404" },
                "'/api/finance/exports/{id}/file'.get", new String[] { "200", "401", "403", "404", "409" },
                "'/api/finance/journal'.get", new String[] { "200", "400", "413" },
                "'/api/events/{eventId}/budget/lines'.post", new String[] { "201", "400", "404", "409" });
        expected.forEach((operation, statuses) -> {
            Map<String, Object> responses = doc.getMap("paths." + operation + ".responses");
            assertThat(responses).as(operation).containsKeys(statuses);
            for (String status : statuses) {
                if (status.startsWith("4")) {
                    assertThat(doc.getMap("paths." + operation + ".responses.'" + status + "'.content"))
                            .as(operation + " " + status).containsKey("application/problem+json");
                }
            }
        });
        assertThat(doc.getMap("paths.'/api/events/{eventId}/budget/lines'.post.responses.'201'.content."
                + "'application/json'.schema").toString()).contains("LineAddedResponse");
    }
}
