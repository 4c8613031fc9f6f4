package app.convene.budget;

import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.ModeCount;
import app.convene.backbone.event.RegistrationEvents.NightRooms;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The travel and accommodation figures registration-service announces become an ACCOMMODATION and a TRAVEL line,
 * priced at the rates the organizer set and reforecast whenever figures or rates change.
 */
@QuarkusTest
class TravelAndAccommodationLinesTest {
    static final String RATES = "/api/events/{e}/budget/travel-rates";

    /** Registration-service's figures: hotel rooms per night and travellers per mode. */
    static RegistrationEvents.TravelNeedsChanged needs(UUID eventId, long sequence, Map<String, Integer> rooms,
            Map<String, Integer> modes) {
        List<NightRooms> nights = rooms.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new NightRooms(LocalDate.parse(e.getKey()), e.getValue())).toList();
        return new RegistrationEvents.TravelNeedsChanged(eventId, sequence,
                modes.values().stream().mapToInt(Integer::intValue).sum(),
                nights.stream().mapToInt(NightRooms::rooms).sum(), nights,
                modes.entrySet().stream().map(e -> new ModeCount(e.getKey(), e.getValue())).toList(), List.of(), 0,
                Instant.now());
    }

    static void announce(UUID eventId, long sequence, Map<String, Integer> rooms, Map<String, Integer> modes) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.TRAVEL_NEEDS_CHANGED, eventId,
                needs(eventId, sequence, rooms, modes)));
    }

    static JsonPath budget(UUID eventId) {
        return organizer().get("/api/events/{e}/budget", eventId).then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal lineEstimate(JsonPath budget, String category) {
        return budget.getObject("lines.find { it.category == '" + category + "' }.estimate", BigDecimal.class);
    }

    @Test
    void threeAttendeesHotelNightsBecomeAReforecastAccommodationLine() {
        UUID eventId = budgetedEvent();
        // The rates come first: nothing to price yet.
        organizer().body(Map.of("nightlyRate", money("120.00"), "airRate", money("400.00"),
                "railRate", money("90.00"))).put(RATES, eventId).then().statusCode(200)
                .body("currency", equalTo("EUR")).body("figures", nullValue())
                .body("accommodationGlAccount", equalTo("6310")).body("travelGlAccount", equalTo("6320"));
        assertThat(budget(eventId).getList("lines")).isEmpty();

        // Anna two nights, Bram one, Carla three; by rail, air and car.
        UUID first = UUID.randomUUID();
        var threeAttendees = needs(eventId, 1, Map.of("2031-03-13", 2, "2031-03-14", 3, "2031-03-15", 1),
                Map.of("RAIL", 1, "AIR", 1, "CAR", 1));
        KafkaBroker.send(EventRecords.withId(first, RegistrationEvents.TRAVEL_NEEDS_CHANGED, eventId,
                threeAttendees));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath b = budget(eventId);
            assertThat(b.getList("lines")).hasSize(2);
            assertThat(lineEstimate(b, "ACCOMMODATION")).isEqualTo(money("720.00"));
            // The car has no rate: it costs nothing.
            assertThat(lineEstimate(b, "TRAVEL")).isEqualTo(money("490.00"));
            assertThat(b.getObject("totals.forecast", BigDecimal.class)).isEqualTo(money("1210.00"));
        });
        JsonPath b = budget(eventId);
        assertThat(b.getString("lines.find { it.category == 'ACCOMMODATION' }.description"))
                .isEqualTo("Hotel: 6 room nights at 120.00 EUR");
        assertThat(b.getString("lines.find { it.category == 'ACCOMMODATION' }.externalRef"))
                .isEqualTo("travel-needs:accommodation");
        assertThat(b.getString("lines.find { it.category == 'ACCOMMODATION' }.glAccount")).isEqualTo("6310");

        // Bram cancelled: one night and the flight less. The first announcement redelivered and a stale one
        // arriving late change nothing.
        KafkaBroker.send(EventRecords.withId(first, RegistrationEvents.TRAVEL_NEEDS_CHANGED, eventId,
                threeAttendees));
        announce(eventId, 2, Map.of("2031-03-13", 2, "2031-03-14", 2, "2031-03-15", 1), Map.of("RAIL", 1, "CAR", 1));
        announce(eventId, 1, Map.of("2031-03-13", 9), Map.of("AIR", 9));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = budget(eventId);
            assertThat(lineEstimate(after, "ACCOMMODATION")).isEqualTo(money("600.00"));
            assertThat(lineEstimate(after, "TRAVEL")).isEqualTo(money("90.00"));
        });
        organizer().get(RATES, eventId).then().statusCode(200).body("figures.sequence", equalTo(2))
                .body("figures.roomNights", equalTo(5)).body("figures.travellersByMode.RAIL", equalTo(1));

        // A new hotel rate reprices the line at once.
        organizer().body(Map.of("nightlyRate", money("130.00"), "airRate", money("400.00"),
                "railRate", money("90.00"), "accommodationGlAccount", "6315")).put(RATES, eventId).then()
                .statusCode(200).body("figures.roomNights", equalTo(5));
        JsonPath repriced = budget(eventId);
        assertThat(lineEstimate(repriced, "ACCOMMODATION")).isEqualTo(money("650.00"));
        assertThat(repriced.getObject("totals.forecast", BigDecimal.class)).isEqualTo(money("740.00"));
        assertThat(repriced.getString("lines.find { it.category == 'ACCOMMODATION' }.glAccount")).isEqualTo("6315");

        // Every estimate change is in the ledger, once.
        UUID accommodationLine = UUID.fromString(repriced.getString(
                "lines.find { it.category == 'ACCOMMODATION' }.id"));
        List<BigDecimal> ledger = finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200)
                .extract().jsonPath().getList("entries.findAll { it.lineItemId == '" + accommodationLine
                        + "' }.budgetAmount", BigDecimal.class);
        assertThat(ledger).containsExactly(money("720.00"), money("-120.00"), money("50.00"));
        // And the forecast moved with them, announced.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announcements(eventId, "budget.forecast-changed.v2").stream()
                        .map(r -> Api.payload(r).get("forecastTotal").decimalValue()))
                .contains(money("1210.00"), money("690.00"), money("740.00")));
    }

    @Test
    void figuresArrivingOutOfOrderLeaveTheNewestPriced() {
        UUID eventId = budgetedEvent();
        organizer().body(Map.of("nightlyRate", money("100.00"))).put(RATES, eventId).then().statusCode(200);
        // Five announcements of growing room nights (sequence n: n × 10 nights), arriving shuffled.
        for (long sequence : List.of(5L, 3L, 4L, 1L, 2L)) {
            announce(eventId, sequence, Map.of("2031-03-14", (int) sequence * 10), Map.of());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> organizer().get(RATES, eventId).then()
                .body("figures.sequence", equalTo(5)));
        // Everything after the first is older than what is held: the line was priced once, at 50 nights.
        announce(eventId, 6, Map.of("2031-03-14", 1), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> organizer().get(RATES, eventId).then()
                .body("figures.sequence", equalTo(6)));
        JsonPath b = budget(eventId);
        assertThat(lineEstimate(b, "ACCOMMODATION")).isEqualTo(money("100.00"));
        UUID line = UUID.fromString(b.getString("lines.find { it.category == 'ACCOMMODATION' }.id"));
        assertThat(finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200).extract()
                .jsonPath().getList("entries.findAll { it.lineItemId == '" + line + "' }.budgetAmount",
                        BigDecimal.class))
                .containsExactly(money("5000.00"), money("-4900.00"));
    }

    @Test
    void figuresBeforeRatesWaitForThemAndBadRatesAreRefused() {
        UUID eventId = budgetedEvent();
        announce(eventId, 1, Map.of("2031-03-14", 4), Map.of("COACH", 4, "NONE", 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> organizer().get(RATES, eventId).then()
                .statusCode(404).contentType("application/problem+json"));

        organizer().body(Map.of("nightlyRate", money("-1"))).put(RATES, eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("nightlyRate"));
        organizer().body(Map.of("nightlyRate", money("10.005"))).put(RATES, eventId).then().statusCode(400)
                .body("errors.field", hasItem("nightlyRate"));
        organizer().body(Map.of("coachRate", money("10.00"))).put(RATES, eventId).then().statusCode(400)
                .body("errors.field", hasItem("nightlyRate"));
        organizer().body(Map.of("nightlyRate", money("10.00"), "currency", "XYZ")).put(RATES, eventId).then()
                .statusCode(400).body("errors.field", hasItem("currency"));
        organizer().body(Map.of("nightlyRate", money("10.00"), "currency", "JPY")).put(RATES, eventId).then()
                .statusCode(409).body("type", equalTo("https://convene.app/problems/exchange-rate-missing"));
        organizer().body(Map.of("nightlyRate", money("10.00"), "travelGlAccount", "6 320")).put(RATES, eventId)
                .then().statusCode(400).body("errors.field", hasItem("travelGlAccount"));
        Api.as("attendee", "anna@example.com").body(Map.of("nightlyRate", money("10.00"))).put(RATES, eventId)
                .then().statusCode(403);
        assertThat(budget(eventId).getList("lines")).isEmpty();

        // The rates arrive: the figures held are priced at once (NONE costs nothing).
        finance().body(Map.of("nightlyRate", money("99.50"), "coachRate", money("25.00"))).put(RATES, eventId)
                .then().statusCode(200).body("updatedBy", equalTo(Api.FINANCE));
        JsonPath b = budget(eventId);
        assertThat(lineEstimate(b, "ACCOMMODATION")).isEqualTo(money("398.00"));
        assertThat(lineEstimate(b, "TRAVEL")).isEqualTo(money("100.00"));
        organizer().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(2))
                .body("lines.find { it.category == 'TRAVEL' }.description",
                        equalTo("Travel: 4 by COACH at 25.00 EUR each"));
    }
}
