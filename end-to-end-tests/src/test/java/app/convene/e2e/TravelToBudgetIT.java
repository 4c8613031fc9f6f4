package app.convene.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.convene.e2e.Stack.Service;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Three attendees' hotel nights, given to registration-service, become the budget's ACCOMMODATION line at the
 * organizer's nightly rate, and a cancellation reforecasts it: across the two packaged services and Kafka.
 */
@ExtendWith(Stack.class)
class TravelToBudgetIT {
    private static final Duration CONVERGES = Duration.ofSeconds(30);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    void threeAttendeesHotelNightsBecomeAReforecastAccommodationLine() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(45)).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(8));
        String eventId = Api.scheduleEvent("Nordic partner summit", startsAt, startsAt.plus(Duration.ofHours(9)), 20);
        LocalDate day = startsAt.atZone(STOCKHOLM).toLocalDate();

        await("the budget is drafted").atMost(CONVERGES).untilAsserted(() -> Api.budget(eventId).statusCode(200));
        Api.as(Service.BUDGET, "organizer", Api.ORGANIZER)
                .body(Map.of("nightlyRate", new BigDecimal("120.00"), "railRate", new BigDecimal("90.00")))
                .put("/api/events/{e}/budget/travel-rates", eventId).then().statusCode(200);

        String anna = travels(eventId, "anna.travel@example.com", day.minusDays(1), 2);
        travels(eventId, "bram.travel@example.com", day, 1);
        travels(eventId, "carla.travel@example.com", day.minusDays(1), 3);
        awaitAccommodation(eventId, "720.00");

        Api.cancel(eventId, anna, "anna.travel@example.com").statusCode(200);
        awaitAccommodation(eventId, "480.00");
    }

    /** The attendee registers and gives a rail journey with {@code nights} hotel nights from {@code checkIn}. */
    private static String travels(String eventId, String email, LocalDate checkIn, int nights) {
        String registrationId = Api.register(eventId, email, email).statusCode(201).extract().path("id");
        Api.as(Service.REGISTRATION, "attendee", email)
                .body(Map.of("arrivalAt", checkIn.atTime(18, 0).atZone(STOCKHOLM).toOffsetDateTime().toString(),
                        "departureAt", checkIn.plusDays(nights).atTime(17, 0).atZone(STOCKHOLM).toOffsetDateTime()
                                .toString(),
                        "travelMode", "RAIL", "hotelCheckIn", checkIn.toString(),
                        "hotelCheckOut", checkIn.plusDays(nights).toString()))
                .put("/api/events/{e}/registrations/{r}/travel", eventId, registrationId).then().statusCode(200);
        return registrationId;
    }

    private static void awaitAccommodation(String eventId, String estimate) {
        await("the ACCOMMODATION line at " + estimate).atMost(CONVERGES).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> Api.as(Service.BUDGET, "finance", "fiona.finance@example.com").config(EXACT)
                        .get("/api/events/{e}/budget", eventId).then().statusCode(200)
                        .body("lines.find { it.category == 'ACCOMMODATION' }.estimate",
                                comparesEqualTo(new BigDecimal(estimate)))
                        .body("lines.findAll { it.category == 'ACCOMMODATION' }.size()", equalTo(1)));
    }
}
