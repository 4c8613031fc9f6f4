package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class VenueClosureRaceTest {
    private static final int ROOMS = 3;

    @Test
    void bookingsAndAClosureOfTheSameVenueAtTheSameMomentNeverPassEachOtherUnseen() throws Exception {
        int bookedBeforeTheClosure = 0;
        int refusedAsClosed = 0;
        for (int round = 0; round < 6; round++) {
            UUID firstRoom = Api.venueWithRoom("Room 0", 50, 50, 50);
            UUID venueId = UUID.fromString(as("facility").get("/api/rooms/{r}", firstRoom).then().statusCode(200)
                    .extract().path("venueId"));
            List<UUID> rooms = new ArrayList<>(List.of(firstRoom));
            for (int i = 1; i < ROOMS; i++) {
                rooms.add(UUID.fromString(as("facility").body(Map.of("name", "Room " + i, "seatedCapacity", 50,
                        "standingCapacity", 50, "safeOccupancy", 50)).post("/api/venues/{v}/rooms", venueId).then()
                        .statusCode(201).extract().path("id")));
            }
            Instant start = Api.daysFromNow(200 + round);
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < ROOMS; i++) {
                events.add(Api.event(start, start.plus(Duration.ofHours(3))));
            }

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(ROOMS + 1);
            List<Future<ExtractableResponse<Response>>> bookings = new ArrayList<>();
            for (int i = 0; i < ROOMS; i++) {
                UUID roomId = rooms.get(i);
                UUID eventId = events.get(i);
                bookings.add(pool.submit(awaiting(go, () -> Api.book(roomId, eventId, start,
                        start.plus(Duration.ofHours(3)), 30, 30).extract())));
            }
            Future<ExtractableResponse<Response>> closure = pool.submit(awaiting(go, () -> as("facility")
                    .body(Map.of("from", start.minus(Duration.ofHours(12)).toString(), "until",
                            start.plus(Duration.ofHours(12)).toString(), "reason", "Public holiday"))
                    .post("/api/venues/{v}/closures", venueId).then().extract()));
            go.countDown();
            ExtractableResponse<Response> closed = closure.get();
            List<String> confirmed = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> booking : bookings) {
                ExtractableResponse<Response> answer = booking.get();
                if (answer.statusCode() == 201) {
                    confirmed.add(answer.path("id"));
                } else {
                    assertThat(answer.statusCode()).isEqualTo(409);
                    assertThat(answer.<String>path("type")).endsWith("venue-closed");
                    refusedAsClosed++;
                }
            }
            pool.shutdown();

            // Every booking that got through was there before the closure and is named by it; no other is.
            assertThat(closed.statusCode()).isEqualTo(201);
            assertThat(closed.<List<String>>path("affectedBookings.bookingId"))
                    .containsExactlyInAnyOrderElementsOf(confirmed);
            bookedBeforeTheClosure += confirmed.size();
            for (int i = 0; i < ROOMS; i++) {
                String roomBooked = Api.readiness(events.get(i)).statusCode(200).extract()
                        .path("checks.find { it.name == 'room booked' }.status");
                assertThat(roomBooked).isEqualTo("NOT_MET");
            }
        }
        System.out.printf("closure race: %d bookings before the closure, %d refused as closed%n",
                bookedBeforeTheClosure, refusedAsClosed);
    }

    private static <T> Callable<T> awaiting(CountDownLatch go, Callable<T> call) {
        return () -> {
            go.await();
            return call.call();
        };
    }
}
