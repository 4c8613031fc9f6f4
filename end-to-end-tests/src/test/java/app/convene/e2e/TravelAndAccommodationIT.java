package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;

/**
 * Three attendees' hotel nights, given in registration-service, become the budget's ACCOMMODATION line at the rate
 * the organizer set, and a cancellation reforecasts it.
 */
@ExtendWith(Stack.class)
class TravelAndAccommodationIT {
    private static final Duration CONVERGES = Duration.ofSeconds(30);

    @Test
    void threeAttendeesHotelNightsBecomeAReforecastAccommodationLine() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(8));
        String eventId = Api.scheduleEvent("Nordic partner days", startsAt, startsAt.plus(Duration.ofHours(8)), 10);
        String firstNight = startsAt.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate().minusDays(1).toString();
        String lastMorning = startsAt.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate().plusDays(1).toString();
        String firstDay = startsAt.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate().toString();

        await("the budget is drafted").atMost(CONVERGES).untilAsserted(() -> Api.budget(eventId).statusCode(200));
        Api.as(Service.BUDGET, "organizer", Api.ORGANIZER)
                .body(Map.of("nightlyRate", new BigDecimal("120.00"), "railRate", new BigDecimal("90.00")))
                .put("/api/events/{e}/budget/travel-rates", eventId).then().statusCode(200);

        List<String> attendees = List.of("anna@example.com", "bram@example.com", "carla@example.com");
        List<String> registrations = new java.util.ArrayList<>();
        for (String email : attendees) {
            String id = Api.register(eventId, email, "Attendee").statusCode(201).extract().path("id");
            registrations.add(id);
        }
        // Anna and Carla two nights each, Bram one; all by train.
        for (int i = 0; i < 3; i++) {
            String checkIn = i == 1 ? firstDay : firstNight;
            Api.as(Service.REGISTRATION, "attendee", attendees.get(i))
                    .body(Map.of("travelMode", "RAIL", "hotelCheckIn", checkIn, "hotelCheckOut", lastMorning))
                    .put("/api/events/{e}/registrations/{r}/travel", eventId, registrations.get(i)).then()
                    .statusCode(200);
        }
        Api.as(Service.REGISTRATION, "organizer", Api.ORGANIZER).get("/api/events/{e}/travel-summary", eventId)
                .then().statusCode(200).body("roomNights", equalTo(5)).body("travellers", equalTo(3));

        await("the accommodation line is priced").atMost(CONVERGES).untilAsserted(() -> {
            var budget = Api.budget(eventId).statusCode(200).extract().jsonPath();
            assertThat(budget.getDouble("lines.find { it.category == 'ACCOMMODATION' }.estimate")).isEqualTo(600.0);
            assertThat(budget.getDouble("lines.find { it.category == 'TRAVEL' }.estimate")).isEqualTo(270.0);
        });

        // Anna cancels: her two nights and her ticket leave the forecast.
        Api.cancel(eventId, registrations.get(0), attendees.get(0)).statusCode(200);
        await("the lines are reforecast").atMost(CONVERGES).untilAsserted(() -> {
            var budget = Api.budget(eventId).statusCode(200).extract().jsonPath();
            assertThat(budget.getDouble("lines.find { it.category == 'ACCOMMODATION' }.estimate")).isEqualTo(360.0);
            assertThat(budget.getDouble("lines.find { it.category == 'TRAVEL' }.estimate")).isEqualTo(180.0);
        });
    }
}
