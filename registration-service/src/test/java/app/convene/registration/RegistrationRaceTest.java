package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class RegistrationRaceTest {

    @Test
    void fortyPeopleRaceForFiveSeatsAndExactlyFiveAreConfirmedTheRestQueueWithoutGaps() throws Exception {
        UUID eventId = Api.scheduleEvent("Popular masterclass", 5);
        int people = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String email = "racer" + i + "@example.com";
            Callable<ExtractableResponse<Response>> attempt = () -> {
                start.await();
                return Api.register(eventId, email, "Racer").extract();
            };
            answers.add(pool.submit(attempt));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            ExtractableResponse<Response> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(201);
            statuses.add(response.path("status"));
            Integer position = response.path("waitlistPosition");
            if (position != null) {
                positions.add(position);
            }
        }
        pool.shutdown();

        assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(5);
        assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(35);
        assertThat(positions).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 35).boxed().toList());
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}", eventId).then()
                .body("confirmed", org.hamcrest.Matchers.equalTo(5))
                .body("waitlisted", org.hamcrest.Matchers.equalTo(35));
    }

    @Test
    void thePersonRegisteringTwelveTimesAtOnceGetsOneRegistrationAndElevenConflictsNamingIt() throws Exception {
        UUID eventId = Api.scheduleEvent("Board dinner", 10);
        int attempts = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            // The same person, spelled in different cases: one person all the same.
            String email = i % 2 == 0 ? "Eager.Guest@example.com" : "eager.guest@EXAMPLE.com";
            answers.add(pool.submit(() -> {
                start.await();
                // The organizer is told which registration holds the place (attendees are not; see the story test).
                return Api.organizerRegisters(eventId, email, "Eager Guest").extract();
            }));
        }
        start.countDown();
        List<String> registered = new ArrayList<>();
        List<ExtractableResponse<Response>> refused = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            ExtractableResponse<Response> response = answer.get();
            assertThat(response.statusCode()).as(response.body().asString()).isIn(201, 409);
            if (response.statusCode() == 201) {
                registered.add(response.path("id"));
            } else {
                refused.add(response);
            }
        }
        pool.shutdown();

        assertThat(registered).hasSize(1);
        assertThat(refused).hasSize(attempts - 1).allSatisfy(response -> {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.<String>path("type")).isEqualTo("https://convene.app/problems/already-registered");
            assertThat(response.<String>path("detail")).contains("registration " + registered.get(0));
        });
        // The refused attempts left nothing behind: one seat taken, nobody waiting.
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}", eventId).then()
                .body("confirmed", org.hamcrest.Matchers.equalTo(1))
                .body("waitlisted", org.hamcrest.Matchers.equalTo(0));
    }
}
