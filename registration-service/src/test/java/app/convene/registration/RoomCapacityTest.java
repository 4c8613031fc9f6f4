package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/** The room booked for the event caps its seats at the room's safe occupancy, and the event says why. */
@QuarkusTest
class RoomCapacityTest {

    @Test
    void aSmallerRoomCapsTheSeatsAndReleasingItPromotesThoseWaiting() {
        UUID eventId = Api.scheduleEvent("Fire-safe workshop", 10);
        UUID roomId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(30));
        UUID booking = UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CONFIRMED, eventId,
                new VenueEvents.BookingConfirmed(eventId, booking, UUID.randomUUID(), "Harbour House", roomId,
                        "Room 2", start, start.plusSeconds(8 * 3600), start.minusSeconds(3600),
                        start.plusSeconds(9 * 3600), 2, new VenueEvents.Price(new BigDecimal("900.00"), "EUR"))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOrganizer("GET", "/api/events/{e}", eventId)
                .body("effectiveCapacity", equalTo(2)).body("capacity", equalTo(10))
                .body("roomSafeOccupancy", equalTo(2)).body("capacityLimitedBy", equalTo("ROOM_SAFE_OCCUPANCY"))
                .body("roomId", equalTo(roomId.toString())));
        Api.register(eventId, "r1@example.com", "R1").body("status", equalTo("CONFIRMED"));
        Api.register(eventId, "r2@example.com", "R2").body("status", equalTo("CONFIRMED"));
        String third = Api.register(eventId, "r3@example.com", "R3").body("status", equalTo("WAITLISTED"))
                .extract().path("id");

        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CANCELLED, eventId,
                new VenueEvents.BookingCancelled(eventId, booking, roomId, "moved to a bigger room")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOrganizer("GET",
                "/api/events/{e}/registrations/{r}", eventId, third).body("status", equalTo("CONFIRMED")));
        asOrganizer("GET", "/api/events/{e}", eventId).body("effectiveCapacity", equalTo(10))
                .body("capacityLimitedBy", equalTo("EVENT_CAPACITY"));
    }
}
