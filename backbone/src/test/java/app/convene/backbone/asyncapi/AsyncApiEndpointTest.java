package app.convene.backbone.asyncapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A packaged service serves its AsyncAPI document where it serves its OpenAPI document: on the management interface,
 * not on the API's port.
 */
@QuarkusTest
@TestProfile(AsyncApiEndpointTest.WithManagementInterface.class)
class AsyncApiEndpointTest {
    static final int MANAGEMENT_PORT = freePort();

    /** The sample service with the management interface of a packaged service. */
    public static class WithManagementInterface extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.management.enabled", "true");
            overrides.put("quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT));
            // In tests Micrometer's HTTP binder meets the second server's port tag and stops it from starting.
            overrides.put("quarkus.micrometer.binder.http-server.enabled", "false");
            return overrides;
        }
    }

    @Test
    void theDocumentIsOnTheManagementInterfaceBesideOpenApiAsYamlOrJson() {
        given().port(MANAGEMENT_PORT).when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"), containsString("name: memo.written.v1"));
        given().port(MANAGEMENT_PORT).queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.memo-events.address", equalTo("memo.events"));
        given().port(MANAGEMENT_PORT).accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .body("info.title", equalTo("Backbone sample events"));
        given().port(MANAGEMENT_PORT).when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theApiPortDoesNotServeIt() {
        given().when().get("/q/asyncapi").then().statusCode(404);
    }

    /** One free port for the JVM: the profile and the test may be loaded by different class loaders. */
    private static synchronized int freePort() {
        String chosen = System.getProperty("asyncapi-endpoint-test.management-port");
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("asyncapi-endpoint-test.management-port", Integer.toString(socket.getLocalPort()));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
