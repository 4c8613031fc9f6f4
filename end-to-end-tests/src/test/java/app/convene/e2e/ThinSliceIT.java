package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An organizer's event, from scheduling through a waiting list and a cancellation, seen by every service. */
@ExtendWith(Stack.class)
class ThinSliceIT {
    private static final Duration CONVERGES = Duration.ofSeconds(30);

    @Test
    void aCancellationPromotesTheWaitlistedAttendeeAndEveryServiceSeesTheNewHeadcount() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        Instant endsAt = startsAt.plus(Duration.ofHours(8));
        String eventId = Api.scheduleEvent("Customer advisory board", startsAt, endsAt, 2);

        String anna = Api.register(eventId, "anna@example.com", "Anna Berg").statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        Api.register(eventId, "bram@example.com", "Bram de Vries").statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        String carla = Api.register(eventId, "carla@example.com", "Carla Rossi").statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).extract().path("id");

        awaitHeadcount(eventId, 2, 1);

        Api.cancel(eventId, anna, "anna@example.com").statusCode(200).body("status", equalTo("CANCELLED"));
        Api.registration(eventId, carla, "carla@example.com").statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue());

        awaitHeadcount(eventId, 2, 0);
        Api.readiness(eventId).body("checks.find { it.name == 'room booked' }.status", equalTo("NOT_MET"));
        await("the budget and venue announcements reach the briefings view").atMost(CONVERGES).untilAsserted(
                () -> Api.briefings(eventId).statusCode(200).body("budgetStatus", equalTo("DRAFT"))
                        .body("venueReady", equalTo(false)));

        List<Map<String, String>> briefings = Api.briefings(eventId).extract().path("briefings");
        assertThat(briefings).allSatisfy(b -> assertThat(b.get("status")).isEqualTo("SCHEDULED"));
        assertThat(briefings).extracting(b -> b.get("kind") + " " + Instant.parse(b.get("dueAt")))
                .containsExactlyInAnyOrder(
                        "PRE_EVENT " + startsAt.minus(Duration.ofDays(3)),
                        "PRE_EVENT " + startsAt.minus(Duration.ofDays(1)),
                        "POST_EVENT " + endsAt.plus(Duration.ofDays(1)));
    }

    /** Budget, venue readiness and briefings all come to the same headcount, each from its own events. */
    private static void awaitHeadcount(String eventId, int confirmed, int waitlisted) {
        String what = "budget, readiness and briefings at %d confirmed, %d waitlisted".formatted(confirmed, waitlisted);
        await(what).atMost(CONVERGES).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Api.budget(eventId).statusCode(200).body("status", equalTo("DRAFT"))
                    .body("headcount.capacity", equalTo(2))
                    .body("headcount.confirmed", equalTo(confirmed))
                    .body("headcount.waitlisted", equalTo(waitlisted));
            Api.readiness(eventId).statusCode(200).body("expectedHeadcount", equalTo(confirmed))
                    .body("ready", equalTo(false));
            Api.briefings(eventId).statusCode(200).body("title", equalTo("Customer advisory board"))
                    .body("headcount.confirmed", equalTo(confirmed))
                    .body("headcount.waitlisted", equalTo(waitlisted));
        });
    }
}
