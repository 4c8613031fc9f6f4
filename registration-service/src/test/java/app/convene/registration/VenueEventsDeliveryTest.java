package app.convene.registration;

import static app.convene.registration.Api.asOrganizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/** registration-service's consumer: poison records are set aside, good ones after them still apply, once. */
@QuarkusTest
class VenueEventsDeliveryTest {

    @Test
    void anUnreadableBookingIsSetAsideAndTheNextOneStillCapsTheEvent() {
        UUID eventId = Api.scheduleEvent("Poison-proof", 10);
        UUID poison = UUID.randomUUID();
        KafkaBroker.send(EventRecords.raw(poison, VenueEvents.BOOKING_CONFIRMED.name(), 1, Topics.VENUE,
                eventId.toString(), "{\"safeOccupancy\": \"lots\""));
        Instant start = Instant.now().plus(Duration.ofDays(30));
        UUID booking = UUID.randomUUID();
        var confirmed = new VenueEvents.BookingConfirmed(eventId, booking, UUID.randomUUID(), "Hall", UUID.randomUUID(),
                "Room 1", start, start.plusSeconds(3600), start.minusSeconds(600), start.plusSeconds(4200), 4, null);
        UUID announcement = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(announcement, VenueEvents.BOOKING_CONFIRMED, eventId, confirmed));
        KafkaBroker.send(EventRecords.withId(announcement, VenueEvents.BOOKING_CONFIRMED, eventId, confirmed));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOrganizer("GET", "/api/events/{e}", eventId)
                .body("effectiveCapacity", equalTo(4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaBroker.records("registration-service.dead-letter", Duration.ofSeconds(3)).stream()
                        .filter(r -> eventId.toString().equals(r.key())).toList())
                .singleElement().satisfies(r -> {
                    assertThat(header(r, "ce_id")).isEqualTo(poison.toString());
                    assertThat(header(r, "dead-letter-reason")).contains("does not fit its contract");
                    assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.VENUE);
                }));
        // The duplicate announcement announced the cap once: one event-updated for the booking.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Api.announced(eventId).stream()
                .map(Api::type).filter("registration.event-updated.v1"::equals)).hasSize(1));
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, String name) {
        var header = r.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
