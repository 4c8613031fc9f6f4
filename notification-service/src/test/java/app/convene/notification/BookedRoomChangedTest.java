package app.convene.notification;

import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A briefing names the booked room and its venue as they are now: renamed and assessed again after the booking. */
@QuarkusTest
class BookedRoomChangedTest {

    @Test
    void aBriefingShowsTheBookedRoomsAndVenuesNewNamesAndSafeOccupancy() {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, "Loft session", start, start.plus(Duration.ofHours(3)), "Europe/Amsterdam", 60,
                Stories.ownedByOlivia());
        UUID booking = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        UUID roomId = UUID.randomUUID();
        announce(VenueEvents.BOOKING_CONFIRMED, eventId, new VenueEvents.BookingConfirmed(eventId, booking, venueId,
                "Harbour House", roomId, "Loft", start, start.plus(Duration.ofHours(3)), start,
                start.plus(Duration.ofHours(3)), 50, null));
        Stories.twice(VenueEvents.BOOKED_ROOM_CHANGED, eventId, new VenueEvents.BookedRoomChanged(eventId, booking,
                venueId, "Harbour House (Noord)", roomId, "Renovated loft", 35));
        // A change told for a booking the event no longer holds changes nothing.
        announce(VenueEvents.BOOKED_ROOM_CHANGED, eventId, new VenueEvents.BookedRoomChanged(eventId,
                UUID.randomUUID(), venueId, "Elsewhere", UUID.randomUUID(), "Cellar", 500));
        // Records of one event are applied in order: once this one shows, the ones before it are applied too.
        announce(VenueEvents.READINESS_CHANGED, eventId, new VenueEvents.ReadinessChanged(eventId, false,
                "a checklist is not signed off"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200)
                .body("venueReadinessReason", equalTo("a checklist is not signed off")));

        String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_EVENT")).post("/api/events/{e}/briefings", eventId).then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/briefings/{b}", eventId, briefingId)
                .then().statusCode(200).body("facts.venue.venueName", equalTo("Harbour House (Noord)"))
                .body("facts.venue.roomName", equalTo("Renovated loft"))
                .body("facts.venue.safeOccupancy", equalTo(35));
    }
}
