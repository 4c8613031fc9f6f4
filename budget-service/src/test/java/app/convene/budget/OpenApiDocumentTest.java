package app.convene.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import app.convene.backbone.testing.DocumentedAnswers;

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
                "'/api/events/{eventId}/budget/lines'.post", new String[] { "201", "400", "404", "409" },
                "'/api/events/{eventId}/budget/lines'.get", new String[] { "200", "400", "404" },
                "'/api/events/{eventId}/budget/summary'.get", new String[] { "200", "404" });
        expected.forEach((operation, statuses) -> {
            Map<String, Object> responses = doc.getMap("paths." + operation + ".responses");
            assertThat(responses).as(operation).containsKeys(statuses);
            for (String status : statuses) {
                if (status.startsWith("4")) {
                    assertThat(DocumentedAnswers.content(doc, operation, status))
                            .as(operation + " " + status).containsKey("application/problem+json");
                }
            }
        });
        assertThat(doc.getMap("paths.'/api/events/{eventId}/budget/lines'.post.responses.'201'.content."
                + "'application/json'.schema").toString()).contains("LineAddedResponse");
        assertThat(doc.getMap("paths.'/api/events/{eventId}/budget/lines'.get.responses.'200'.content."
                + "'application/json'.schema").toString()).contains("LinePage");
        assertThat(doc.getMap("paths.'/api/events/{eventId}/budget/summary'.get.responses.'200'.content."
                + "'application/json'.schema").toString()).contains("BudgetSummaryResponse");
    }

    @Test
    void everyBudgetOperationDocumentsTheAccessRulesAnswers() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> operations = new java.util.ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/events/{eventId}/budget")) {
                methods.keySet().forEach(method -> operations.add("'" + path + "'." + method));
            }
        });
        assertThat(operations).hasSize(17);
        for (String operation : operations) {
            assertThat(doc.getString("paths." + operation + ".responses.'404'.description")).as(operation)
                    .startsWith("No such event in your organisation, or not visible to you");
            assertThat(doc.getMap("paths." + operation + ".responses.'404'.content")).as(operation)
                    .containsKey("application/problem+json");
            if (!operation.endsWith(".get")) {
                assertThat(doc.getString("paths." + operation + ".responses.'403'.description")).as(operation)
                        .isNotBlank();
            }
        }
        for (String change : List.of("'/api/events/{eventId}/budget'.put", "'/api/events/{eventId}/budget/lines'.post",
                "'/api/events/{eventId}/budget/lines/{lineId}'.put",
                "'/api/events/{eventId}/budget/lines/{lineId}/commitment'.put",
                "'/api/events/{eventId}/budget/submission'.post",
                "'/api/events/{eventId}/budget/travel-rates'.put")) {
            assertThat(doc.getString("paths." + change + ".responses.'403'.description")).as(change)
                    .contains("not-event-member");
        }
    }
}
