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

    @Test
    void aRoomAssessedAgainCapsTheSeatsAtItsNewSafeOccupancy() {
        UUID eventId = Api.scheduleEvent("Renovated loft", 10);
        UUID roomId = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(30));
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CONFIRMED, eventId,
                new VenueEvents.BookingConfirmed(eventId, booking, venueId, "Harbour House", roomId, "Loft", start,
                        start.plusSeconds(8 * 3600), start, start.plusSeconds(8 * 3600), 4, null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOrganizer("GET", "/api/events/{e}", eventId)
                .body("effectiveCapacity", equalTo(4)));
        for (int i = 1; i <= 4; i++) {
            Api.register(eventId, "loft" + i + "@example.com", "L" + i).body("status", equalTo("CONFIRMED"));
        }
        String fifth = Api.register(eventId, "loft5@example.com", "L5").body("status", equalTo("WAITLISTED"))
                .extract().path("id");

        // The fire officer now allows 2: the four keep their seats (nobody is un-confirmed), newcomers wait.
        UUID lowered = UUID.randomUUID();
        var toTwo = new VenueEvents.BookedRoomChanged(eventId, booking, venueId, "Harbour House", roomId, "Loft", 2);
        KafkaBroker.send(EventRecords.withId(lowered, VenueEvents.BOOKED_ROOM_CHANGED, eventId, toTwo));
        KafkaBroker.send(EventRecords.withId(lowered, VenueEvents.BOOKED_ROOM_CHANGED, eventId, toTwo));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOrganizer("GET", "/api/events/{e}", eventId)
                .body("effectiveCapacity", equalTo(2)).body("roomSafeOccupancy", equalTo(2))
                .body("confirmed", equalTo(4)).body("waitlisted", equalTo(1)));
        Api.register(eventId, "loft6@example.com", "L6").body("status", equalTo("WAITLISTED"));

        // Another room's change is none of this event's business.
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKED_ROOM_CHANGED, eventId,
                new VenueEvents.BookedRoomChanged(eventId, UUID.randomUUID(), venueId, "Harbour House",
                        UUID.randomUUID(), "Cellar", 50)));
        // Raised to 6: the two waiting get the seats, in their order.
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKED_ROOM_CHANGED, eventId,
                new VenueEvents.BookedRoomChanged(eventId, booking, venueId, "Harbour House", roomId, "Loft", 6)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOrganizer("GET",
                "/api/events/{e}/registrations/{r}", eventId, fifth).body("status", equalTo("CONFIRMED")));
        asOrganizer("GET", "/api/events/{e}", eventId).body("effectiveCapacity", equalTo(6))
                .body("roomSafeOccupancy", equalTo(6)).body("confirmed", equalTo(6)).body("waitlisted", equalTo(0));
    }
}
