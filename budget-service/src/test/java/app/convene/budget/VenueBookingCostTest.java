package app.convene.budget;

import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VenueBookingCostTest {

    static VenueEvents.BookingConfirmed booking(UUID eventId, UUID bookingId, String amount) {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        return new VenueEvents.BookingConfirmed(eventId, bookingId, UUID.randomUUID(), "Harbour Hall",
                UUID.randomUUID(), "Blue room", start, start.plusSeconds(28_800), start.minusSeconds(3600),
                start.plusSeconds(32_400), 120, amount == null ? null : new VenueEvents.Price(money(amount), "EUR"));
    }

    @Test
    void aPricedRoomBookingBecomesTheVenueLineFollowsARepriceAndIsZeroedWhenCancelled() {
        UUID eventId = budgetedEvent();
        UUID bookingId = UUID.randomUUID();
        UUID announcement = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(announcement, VenueEvents.BOOKING_CONFIRMED, eventId,
                booking(eventId, bookingId, "4200.00")));
        // Redelivered: still one line, one ledger entry.
        KafkaBroker.send(EventRecords.withId(announcement, VenueEvents.BOOKING_CONFIRMED, eventId,
                booking(eventId, bookingId, "4200.00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("lines", hasSize(1)).body("lines[0].category", equalTo("VENUE"))
                .body("lines[0].externalRef", equalTo("venue-booking:" + bookingId))
                .body("lines[0].description", equalTo("Room Blue room at Harbour Hall"))
                .body("totals.estimate", equalTo(money("4200.00"))));

        // The line is the booking's: finance cannot reprice it here, and nothing changes.
        String lineId = organizer().get("/api/events/{e}/budget", eventId).then().extract().path("lines[0].id");
        finance().body(Api.line("VENUE", "FIXED", "1.00", "EUR"))
                .put("/api/events/{e}/budget/lines/{l}", eventId, lineId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/line-owned-elsewhere"));
        organizer().get("/api/events/{e}/budget", eventId).then()
                .body("lines[0].unitAmount", equalTo(money("4200.00")))
                .body("totals.estimate", equalTo(money("4200.00")));

        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CONFIRMED, eventId, booking(eventId, bookingId, "3900.00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("lines", hasSize(1)).body("totals.estimate", equalTo(money("3900.00"))));
        // Moved to another venue at the same price: the same line names where it is now; the estimate stays.
        VenueEvents.BookingConfirmed before = booking(eventId, bookingId, "3900.00");
        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CONFIRMED, eventId, new VenueEvents.BookingConfirmed(
                eventId, bookingId, UUID.randomUUID(), "Dock Pavilion", UUID.randomUUID(), "Loft", before.startsAt(),
                before.endsAt(), before.setupStartsAt(), before.teardownEndsAt(), 200, before.price())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("lines", hasSize(1)).body("lines[0].description", equalTo("Room Loft at Dock Pavilion"))
                .body("lines[0].vendor", equalTo("Dock Pavilion")).body("totals.estimate", equalTo(money("3900.00"))));

        KafkaBroker.send(EventRecords.of(VenueEvents.BOOKING_CANCELLED, eventId,
                new VenueEvents.BookingCancelled(eventId, bookingId, UUID.randomUUID(), "room withdrawn")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("lines", hasSize(1)).body("totals.estimate", equalTo(money("0.00"))));
        assertThat(finance().get("/api/events/{e}/budget/ledger", eventId).then().extract().jsonPath()
                .getList("entries.budgetAmount", java.math.BigDecimal.class))
                .containsExactly(money("4200.00"), money("-300.00"), money("-3900.00"));
    }

    @Test
    void anUpdatedOrCancelledEventKeepsItsBudgetUpToDate() {
        UUID eventId = budgetedEvent();
        Instant start = Instant.now().plus(Duration.ofDays(60));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_UPDATED, eventId,
                new RegistrationEvents.EventUpdated(eventId, "Partner summit 2027", start, start.plusSeconds(3600),
                        "Europe/Paris", 300, "PUBLISHED", null, null, Api.ownedByOrganizer())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("title", equalTo("Partner summit 2027")).body("timeZone", equalTo("Europe/Paris")));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_CANCELLED, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Partner summit 2027", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> organizer().get("/api/events/{e}/budget", eventId)
                .then().body("eventCancelledAt", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("DRAFT")));
    }
}
