package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Several coordinators close the same corrective action at the same moment. */
@QuarkusTest
class ActionClosureRaceTest {
    private static final int RACERS = 6;

    @Test
    void anActionClosedByManyAtOnceIsClosedOnceAndKeepsTheWinnersResolution() throws Exception {
        OpenAction open = openAction();
        String actionId = open.actionId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String resolution = "fixed by crew " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return as("facility").body(Map.of("resolution", resolution))
                            .post("/api/actions/{a}/closure", actionId).then().extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int status = answers.get(i).get();
                byStatus.merge(status, 1, Integer::sum);
                if (status == 200) {
                    winners.add("fixed by crew " + i);
                }
            }
            // One closes it; every other is told it was already closed (not a second, silent close).
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1, 409, RACERS - 1));
            as("facility").get("/api/events/{e}/actions", open.eventId()).then().statusCode(200)
                    .body("find { it.id == '" + actionId + "' }.resolution", equalTo(winners.get(0)))
                    .body("find { it.id == '" + actionId + "' }.status", equalTo("CLOSED"));
        } finally {
            pool.shutdownNow();
        }
    }

    private record OpenAction(UUID eventId, String actionId) {
    }

    /** A booked event whose mandatory checklist item failed its inspection and opened an action. */
    private static OpenAction openAction() {
        String templateId = as("facility").body(Map.of("name", "Cleaning " + UUID.randomUUID(), "category",
                "CLEANING", "items", List.of(Map.of("description", "Floors mopped", "mandatory", true,
                        "dueHoursBeforeStart", 4))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        Instant start = Api.daysFromNow(40);
        Instant end = start.plus(Duration.ofHours(6));
        UUID eventId = Api.event(start, end);
        String bookingId = Api.book(Api.venueWithRoom("Hall", 100, 100, 100), eventId, start, end, 0, 0)
                .statusCode(201).extract().path("id");
        JsonPath checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().jsonPath();
        String actionId = as("facility").body(Map.of("results", List.of(Map.of("itemId",
                checklist.getString("items[0].id"), "outcome", "FAILED", "action", Map.of("owner", "Cleaning Co",
                        "dueAt", start.minus(Duration.ofDays(1)).toString())))))
                .post("/api/checklists/{c}/inspections", checklist.getString("id")).then().statusCode(201)
                .extract().path("openedActions[0].id");
        return new OpenAction(eventId, actionId);
    }
}
