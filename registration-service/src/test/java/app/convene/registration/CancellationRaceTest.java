package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An attendee taps "cancel" on two devices at once: one cancellation takes effect, the other is told it already
 * did; the seat is freed once, the waiting list promotes once, and one cancellation is announced.
 */
@QuarkusTest
class CancellationRaceTest {

    @Test
    void twoCancellationsOfOneRegistrationAtOnceFreeTheSeatOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID eventId = Api.scheduleEvent("Cancel twice " + round, 1);
                String anna = "anna.race" + round + "@example.com";
                String registration = Api.register(eventId, anna, "Anna").statusCode(201).extract().path("id");
                Api.register(eventId, "bram.race" + round + "@example.com", "Bram").statusCode(201)
                        .body("status", equalTo("WAITLISTED"));

                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int device = 0; device < 2; device++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().header("Authorization", Tokens.bearer("attendee", anna))
                                .post("/api/events/{e}/registrations/{r}/cancel", eventId, registration).then()
                                .extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                Api.asOrganizer("GET", "/api/events/{e}", eventId).statusCode(200).body("confirmed", equalTo(1))
                        .body("waitlisted", equalTo(0));
                assertThat(Api.announced(eventId, app.convene.backbone.event.RegistrationEvents.CANCELLED.name(), 1)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
