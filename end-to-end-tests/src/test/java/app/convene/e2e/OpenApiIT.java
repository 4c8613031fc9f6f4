package app.convene.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

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
}
