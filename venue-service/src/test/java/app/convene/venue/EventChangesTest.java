package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/** Registration moves or calls off an event; the venue side follows. */
@QuarkusTest
class EventChangesTest {
    private static final String ROOM_BOOKED = "checks.find { it.name == 'room booked' }";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void anEventMovedOutsideItsBookingNoLongerCountsAsBookedUntilItIsBackInside() {
        UUID roomId = Api.venueWithRoom("Board room", 20, 20, 20);
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(80);
        Instant end = start.plus(Duration.ofHours(4));
        Api.scheduled(eventId, start, end);
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("capacity", equalTo(500)));
        String bookingId = Api.book(roomId, eventId, start, end, 30, 30).statusCode(201).extract().path("id");
        Api.readiness(eventId).body(ROOM_BOOKED + ".status", equalTo("MET"));

        // An hour earlier and renamed: the booking no longer covers the start.
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId, Api.updated(eventId,
                "Board day (moved)", start.minus(Duration.ofHours(1)), end, 18, "PUBLISHED")));
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("title", equalTo("Board day (moved)")).body("capacity", equalTo(18))
                .body("startsAt", equalTo(start.minus(Duration.ofHours(1)).toString()))
                .body("ready", equalTo(false))
                .body(ROOM_BOOKED + ".status", equalTo("NOT_MET"))
                .body(ROOM_BOOKED + ".reason", containsString("booking " + bookingId))
                .body(ROOM_BOOKED + ".reason", containsString("no longer covers the event")));
        // The booking itself stands: registration moved the event, not the room.
        as("organizer").get("/api/bookings/{b}", bookingId).then().body("status", equalTo("CONFIRMED"));

        // Shorter, inside the booking again.
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId, Api.updated(eventId,
                "Board day", start.plus(Duration.ofHours(1)), end, 18, "PUBLISHED")));
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId)
                .body("title", equalTo("Board day")).body(ROOM_BOOKED + ".status", equalTo("MET")));
    }

    @Test
    void aCancelledEventReleasesItsRoomOnceAndCanBookNoOther() {
        UUID roomId = Api.venueWithRoom("Ballroom", 300, 400, 350);
        Instant start = Api.daysFromNow(90);
        Instant end = start.plus(Duration.ofHours(6));
        UUID eventId = Api.event(start, end);
        String bookingId = Api.book(roomId, eventId, start, end, 60, 60).statusCode(201).extract().path("id");
        // Over the room's safe occupancy, so giving the room up also restores safety.
        Api.headcount(eventId, 1, 360);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.SAFETY_AT_RISK.name())).hasSize(1));

        Instant cancelledAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.cancelled(eventId, cancelledAt);
        // Registration follows its event-cancelled with an event-updated in status CANCELLED: no second release.
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId,
                Api.updated(eventId, "Event " + eventId, start, end, 350, "CANCELLED")));

        await().atMost(PATIENCE).untilAsserted(() -> as("organizer").get("/api/bookings/{b}", bookingId).then()
                .statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellationReason", containsString("event cancelled")));
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId)
                .body("cancelledAt", equalTo(cancelledAt.toString())).body("ready", equalTo(false))
                .body(ROOM_BOOKED + ".status", equalTo("NOT_MET"))
                .body(ROOM_BOOKED + ".reason", containsString("cancelled")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.BOOKING_CANCELLED.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains(bookingId).contains(roomId.toString())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.SAFETY_RESTORED.name())).hasSize(1));
        assertThat(Api.announced(eventId, VenueEvents.BOOKING_CANCELLED.name())).hasSize(1);

        // The room is free for another event; the cancelled one can book nothing.
        Api.book(roomId, Api.event(start, end), start, end, 60, 60).statusCode(201);
        Api.book(Api.venueWithRoom("Annex", 300, 400, 350), eventId, start, end, 0, 0).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/event-cancelled"))
                .body("detail", containsString("was cancelled at"));
        as("organizer").get("/api/bookings/{b}", bookingId).then().body("cancelledAt", notNullValue());
    }
}
