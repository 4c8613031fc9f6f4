package app.convene.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class BookingRaceTest {
    private static final int CONTENDERS = 8;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eightEventsRaceForOneRoomAtOverlappingTimesAndExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            UUID roomId = Api.venueWithRoom("Contested hall", 100, 100, 100);
            Instant start = Api.daysFromNow(90 + round);
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                Instant from = start.plus(Duration.ofMinutes(10L * i)); // all overlap each other
                events.add(Api.event(from, from.plus(Duration.ofHours(2))));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                Instant from = start.plus(Duration.ofMinutes(10L * i));
                UUID eventId = events.get(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return Api.book(roomId, eventId, from, from.plus(Duration.ofHours(2)), 30, 30).extract();
                }));
            }
            go.countDown();
            List<ExtractableResponse<Response>> responses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                responses.add(answer.get());
            }
            pool.shutdown();

            List<ExtractableResponse<Response>> won = responses.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(won).hasSize(1);
            String winner = won.get(0).path("id");
            assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(CONTENDERS - 1)
                    .allSatisfy(r -> {
                        assertThat(r.statusCode()).isEqualTo(409);
                        assertThat(r.contentType()).startsWith("application/problem+json");
                        assertThat(r.<String>path("detail")).contains("by booking " + winner);
                    });
            List<String> confirmed = Api.as("facility").get("/api/rooms/{r}/bookings", roomId).then()
                    .statusCode(200).extract().path("bookings.findAll { it.status == 'CONFIRMED' }.id");
            assertThat(confirmed).containsExactly(winner);
        }
    }

    @Test
    void theDatabaseItselfRefusesAnOverlappingBookingWrittenPastTheService() throws Exception {
        UUID roomId = Api.venueWithRoom("Guarded room", 10, 10, 10);
        Instant start = Api.daysFromNow(120);
        Api.book(roomId, Api.event(start, start.plus(Duration.ofHours(3))), start, start.plus(Duration.ofHours(3)),
                0, 0).statusCode(201);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into booking (id, organisation, room_id, event_id, starts_at, ends_at,
                                             setup_starts_at, teardown_ends_at, status, booked_by, booked_at)
                        values (?, 'acme', ?, ?, ?, ?, ?, ?, 'CONFIRMED', 'sql', now())
                        """)) {
            Timestamp from = Timestamp.from(start.plus(Duration.ofHours(2)));
            Timestamp until = Timestamp.from(start.plus(Duration.ofHours(4)));
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, roomId);
            insert.setObject(3, UUID.randomUUID());
            insert.setTimestamp(4, from);
            insert.setTimestamp(5, until);
            insert.setTimestamp(6, from);
            insert.setTimestamp(7, until);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"))
                    .hasMessageContaining("booking_no_overlap");
        }
    }
}
