package app.convene.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.convene.e2e.Stack.Service;
import io.restassured.path.json.JsonPath;

@ExtendWith(Stack.class)
class OpenApiIT {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyApiOperationDocumentsItsUnauthorizedProblem(Service service) {
        JsonPath document = given().baseUri(service.managementUrl()).get("/q/openapi?format=json").then()
                .statusCode(200)
                .extract().jsonPath();

        assertThat(document.getString("openapi")).startsWith("3.1.");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        assertThat(paths.keySet()).anyMatch(path -> path.startsWith("/api/"));
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/") && METHODS.contains(method)) {
                assertThat(document.getMap("paths.'" + path + "'." + method + ".responses.'401'.content"))
                        .as("%s %s: 401 response", method.toUpperCase(), path)
                        .containsKey("application/problem+json");
            }
        }));
    }

    /** What generated clients name their methods after; clients/typescript checks the built documents in depth. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void everyOperationTheServiceServesHasAnOperationIdAndADescribedTag(Service service) {
        JsonPath document = given().baseUri(service.managementUrl()).get("/q/openapi?format=json").then()
                .statusCode(200)
                .extract().jsonPath();

        Set<String> described = new HashSet<>();
        for (Map<String, Object> tag : document.<Map<String, Object>>getList("tags")) {
            if (tag.get("description") != null) {
                described.add((String) tag.get("name"));
            }
        }
        Set<String> operationIds = new HashSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                String name = method.toUpperCase() + " " + path;
                assertThat((String) operation.get("operationId")).as("%s: operationId", name).isNotBlank();
                assertThat(operationIds.add((String) operation.get("operationId"))).as("%s: a unique operationId",
                        name).isTrue();
                assertThat(operation.get("tags")).as("%s: tags", name)
                        .asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty()
                        .allSatisfy(tag -> assertThat(described).as("described tags").contains((String) tag));
            }
        }));
    }
}
