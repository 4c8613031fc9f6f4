package app.convene.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.convene.backbone.testing.FreePorts;
import app.convene.backbone.testing.PostgresDatabase;
import app.convene.backbone.testing.Tokens;
import app.convene.e2e.Stack.Service;

@ExtendWith(Stack.class)
class SecurityIT {
    private static final Map<Service, String> PROTECTED = Map.of(Service.REGISTRATION, "/api/events/{e}",
            Service.BUDGET, "/api/events/{e}/budget", Service.VENUE, "/api/events/{e}/readiness",
            Service.NOTIFICATION, "/api/events/{e}/briefings");

    @ParameterizedTest
    @EnumSource(Service.class)
    void withoutATokenTheApiAnswers401WhileHealthOpenApiAndMetricsAreOnTheManagementPortOnly(Service service) {
        given().baseUri(service.url()).get(PROTECTED.get(service), "8d3f2a52-5f7e-4a43-9d51-2b4f0c1d6e7a").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().baseUri(service.managementUrl()).get("/q/health/live").then().statusCode(200);
        given().baseUri(service.managementUrl()).get("/q/health/ready").then().statusCode(200);
        given().baseUri(service.managementUrl()).get("/q/openapi").then().statusCode(200);
        given().baseUri(service.managementUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_pending"));
        for (String path : new String[] { "/q/health/ready", "/q/openapi", "/q/metrics" }) {
            given().baseUri(service.url()).get(path).then().statusCode(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void aTokenThatNamesNoOrganisationIsRefusedWith401(Service service) {
        given().baseUri(service.url())
                .header("Authorization", Tokens.bearer("organizer", "olivia.organizer@example.com", null))
                .get(PROTECTED.get(service), "8d3f2a52-5f7e-4a43-9d51-2b4f0c1d6e7a").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anAttendeeCannotSeeSomeoneElsesRegistration() {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        String eventId = Api.scheduleEvent("Security drill", start, start.plus(Duration.ofHours(2)), 5);
        String dag = Api.register(eventId, "dag@example.com", "Dag").statusCode(201).extract().path("id");

        Api.registration(eventId, dag, "eve@example.com").statusCode(404).contentType("application/problem+json");
        Api.registration(eventId, dag, "dag@example.com").statusCode(200).body("attendee.email",
                equalTo("dag@example.com"));
    }

    @Test
    void aPackagedServiceGivenTheDevelopmentKeyOutsideTheLocalStackRefusesToStart() throws Exception {
        Map<String, String> environment = Stack.environment(Service.REGISTRATION, true);
        environment.remove("CONVENE_LOCAL_STACK");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresDatabase.start("guard"));
        environment.remove("QUARKUS_MANAGEMENT_PORT"); // the stack's registration-service holds it
        Process process = Stack.launch("registration-service", "registration-service-with-dev-key",
                FreePorts.take(), environment);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Stack.tail("registration-service-with-dev-key", 200)).contains("the development key")
                    .contains("CONVENE_LOCAL_STACK=true");
        } finally {
            Stack.terminate(process);
        }
    }

    @Test
    void aPackagedServiceWithoutAVerificationKeyRefusesToStart() throws Exception {
        Map<String, String> environment = Stack.environment(Service.REGISTRATION, false);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresDatabase.start("guard"));
        environment.remove("QUARKUS_MANAGEMENT_PORT"); // the stack's registration-service holds it
        Process process = Stack.launch("registration-service", "registration-service-without-key",
                FreePorts.take(), environment);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Stack.tail("registration-service-without-key", 200))
                    .contains("No token verification key is configured")
                    .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        } finally {
            Stack.terminate(process);
        }
    }
}
