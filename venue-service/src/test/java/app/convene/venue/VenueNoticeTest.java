package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VenueNoticeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void subscribedPartnersAreAnnouncedWithABookingConfirmedAndCancelledAtTheirVenueTheOthersAreNot() throws Exception {
        UUID roomId = Api.venueWithRoom("Garden room", 40, 60, 50);
        UUID venueId = UUID.fromString(as("facility").get("/api/rooms/{r}", roomId).then().statusCode(200)
                .extract().path("venueId"));
        String nora = "nora-" + UUID.randomUUID() + "@florist.example";
        as("facility").body(Map.of("name", "Nora Florist", "role", "flowers", "email", nora, "language", "nl",
                "noticesSubscribed", true)).post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201);
        as("facility").body(Map.of("name", "Quiet Caterer", "role", "catering", "email",
                "quiet-" + UUID.randomUUID() + "@caterer.example")).post("/api/venues/{v}/partner-contacts", venueId)
                .then().statusCode(201);

        Instant start = Api.daysFromNow(40);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(4)));
        String bookingId = Api.book(roomId, eventId, start, start.plus(Duration.ofHours(4)), 30, 30)
                .statusCode(201).extract().path("id");
        as("facility").body(Map.of("reason", "Flooded")).post("/api/bookings/{b}/cancellation", bookingId)
                .then().statusCode(200);

        var notices = await().atMost(Duration.ofSeconds(20))
                .until(() -> Api.announced(venueId, VenueEvents.VENUE_NOTICE.name()), r -> r.size() == 2);
        JsonNode confirmed = JSON.readTree(notices.get(0).value());
        JsonNode cancelled = JSON.readTree(notices.get(1).value());
        assertThat(confirmed.get("kind").asText()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(confirmed.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(confirmed.get("roomName").asText()).isEqualTo("Garden room");
        assertThat(cancelled.get("kind").asText()).isEqualTo("BOOKING_CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("Flooded");
        for (JsonNode notice : new JsonNode[] {confirmed, cancelled}) {
            assertThat(notice.get("subscribers")).singleElement().satisfies(s -> {
                assertThat(s.get("email").asText()).isEqualTo(nora);
                assertThat(s.get("language").asText()).isEqualTo("nl");
            });
        }
    }
}
