package app.convene.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** The budget API as its users call it; amounts are read back as exact decimals. */
final class Api {
    static final String ORGANIZER = "olivia.organizer@example.com";
    static final String FINANCE = "fiona.finance@example.com";
    static final String FINANCE_LEAD = "frank.finance@example.com";
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    static RequestSpecification as(String role, String subject) {
        return given().config(EXACT).header("Authorization", Tokens.bearer(role, subject)).contentType("application/json");
    }

    /** A caller of organisation {@code org}. */
    static RequestSpecification as(String role, String subject, String org) {
        return given().config(EXACT).header("Authorization", Tokens.bearer(role, subject, org))
                .contentType("application/json");
    }

    /** Who may see and change an event of acme that the organizer owns alone, not confidential. */
    static EventAccess ownedByOrganizer() {
        return new EventAccess(Tokens.ORGANISATION, ORGANIZER, false, List.of(), List.of());
    }

    /** Registration-service announces an event scheduled, with who may see and change it. */
    static void scheduled(UUID eventId, String title, Instant startsAt, int capacity, EventAccess access) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId,
                new RegistrationEvents.EventScheduled(eventId, title, startsAt, startsAt.plus(Duration.ofHours(8)),
                        "Europe/Berlin", capacity, access)));
    }

    /**
     * An event scheduled with {@code access}, once its draft budget can be read by {@code reader} (someone who may
     * see it).
     */
    static UUID scheduledEvent(Instant startsAt, EventAccess access,
            java.util.function.Supplier<RequestSpecification> reader) {
        UUID eventId = UUID.randomUUID();
        scheduled(eventId, "Partner summit", startsAt, 500, access);
        // The first test of a run also waits for the consumer to join its group, slow on a loaded machine.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> reader.get().get("/api/events/{e}/budget", eventId)
                .then().statusCode(200).body("status", equalTo("DRAFT")));
        return eventId;
    }

    static RequestSpecification organizer() {
        return as("organizer", ORGANIZER);
    }

    static RequestSpecification finance() {
        return as("finance", FINANCE);
    }

    static RequestSpecification financeLead() {
        return as("finance", FINANCE_LEAD);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * An event of acme the organizer owns, scheduled by registration-service, and its draft budget configured by the
     * organizer.
     */
    static UUID budgetedEvent(Instant startsAt, String currency) {
        UUID eventId = scheduledEvent(startsAt, ownedByOrganizer(), Api::organizer);
        organizer().body(Map.of("currency", currency, "department", "Sales", "costCentre", "CC-4100"))
                .put("/api/events/{e}/budget", eventId).then().statusCode(200);
        return eventId;
    }

    static UUID budgetedEvent() {
        return budgetedEvent(Instant.now().plus(Duration.ofDays(30)), "EUR");
    }

    static Map<String, Object> line(String category, String kind, String unitAmount, String currency) {
        var line = new java.util.HashMap<String, Object>(Map.of("category", category, "description",
                category.toLowerCase() + " costs", "vendor", "Vendor of " + category.toLowerCase(), "kind", kind,
                "unitAmount", new BigDecimal(unitAmount), "glAccount", "6400"));
        if (currency != null) {
            line.put("currency", currency);
        }
        return line;
    }

    /** Adds a line and returns its id. */
    static UUID addLine(UUID eventId, Map<String, Object> line) {
        String location = organizer().body(line).post("/api/events/{e}/budget/lines", eventId).then()
                .statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static void headcount(UUID eventId, long sequence, int confirmed, int checkedIn) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, sequence, 500, confirmed, 0, checkedIn, 0)));
    }

    static void rate(String base, String quote, String rate) {
        finance().body(Map.of("rate", new BigDecimal(rate))).put("/api/exchange-rates/{b}/{q}", base, quote).then()
                .statusCode(200);
    }

    /** The budget's announcements of one type, in the order they were published. */
    static List<ConsumerRecord<String, String>> announcements(UUID eventId, String type) {
        return KafkaBroker.records(Topics.BUDGET, Duration.ofSeconds(2)).stream()
                .filter(r -> eventId.toString().equals(r.key()))
                .filter(r -> type.equals(header(r, "ce_type"))).toList();
    }

    /** An announcement's payload, its numbers read as exact decimals. */
    static com.fasterxml.jackson.databind.JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                    .readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
