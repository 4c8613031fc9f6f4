package app.convene.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.convene.backbone.testing.FreePorts;
import app.convene.backbone.testing.LimitWindows;
import app.convene.backbone.testing.PostgresDatabase;
import app.convene.backbone.testing.Tokens;
import app.convene.e2e.Stack.Service;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

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

    /**
     * Two more instances of venue-service on the stack's venue database, as a cluster runs two replicas behind one
     * Service: a caller's writes alternate between them, and its limit (4 a minute here) holds for the two together.
     */
    @Test
    void twoInstancesOfAServiceShareItsRateLimits() throws Exception {
        Map<String, String> environment = Stack.environment(Service.VENUE, true);
        environment.remove("QUARKUS_MANAGEMENT_PORT"); // the stack's venue-service holds it
        environment.put("BACKBONE_RATE_LIMIT_STORE", "database");
        environment.put("BACKBONE_RATE_LIMIT_PERIOD", "PT1M");
        environment.put("BACKBONE_RATE_LIMIT_CALLER_WRITES", "4");
        List<String> instances = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            for (String name : List.of("venue-service-replica-a", "venue-service-replica-b")) {
                int port = FreePorts.take();
                processes.add(Stack.launch("venue-service", name, port, environment));
                instances.add("http://localhost:" + port);
            }
            for (int i = 0; i < instances.size(); i++) {
                String venues = instances.get(i) + "/api/venues";
                Process process = processes.get(i);
                await().atMost(Stack.READY_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    assertThat(process.isAlive()).as("%s is running", venues).isTrue();
                    return Stack.status(venues) == 401;
                });
            }
            String organisation = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
            String facility = "fiona.facility@replicas.example";
            LimitWindows.startEarlyInAMinute(); // the counts are per clock minute: all of this within one
            for (int i = 0; i < 4; i++) {
                newVenue(instances.get(i % 2), facility, organisation, i).statusCode(201);
            }
            for (String instance : instances) {
                newVenue(instance, facility, organisation, 9).statusCode(429)
                        .contentType("application/problem+json").header("Retry-After", notNullValue())
                        .body("detail", containsString("more than 4 writes per minute by you"));
            }
            // A colleague of the same organisation still writes, through either instance.
            newVenue(instances.get(1), "felix.facility@replicas.example", organisation, 10).statusCode(201);
        } finally {
            processes.forEach(Stack::terminate);
        }
    }

    private static ValidatableResponse newVenue(String instance, String facility, String organisation, int n) {
        return given().baseUri(instance).header("Authorization", Tokens.bearer("facility", facility, organisation))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("name", "Hall " + n, "address", Map.of("street", "Kungsgatan " + n,
                        "postalCode", "11143", "city", "Stockholm", "country", "SE")))
                .post("/api/venues").then();
    }
}
