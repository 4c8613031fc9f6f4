package app.convene.budget;

import static app.convene.budget.Api.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.CloudEventHeaders;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import app.convene.backbone.testing.DocumentedAnswers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * An operator sees what the budget's consumers could not process, and applies it again once its cause is fixed:
 * through the consumer's own handler and inbox, so nothing is ever applied twice.
 */
@QuarkusTest
class DeadLetterRedriveTest {
    private static final String VENUE_CONSUMER = "budget-service.venue";
    private static final String REGISTRATION_CONSUMER = "budget-service";
    private static final String OPERATOR = "oscar.operator@example.com";
    private static final String LETTERS = "/api/operations/dead-letters";

    @Inject
    Inbox inbox;

    static RequestSpecification operator() {
        return given().header("Authorization", Tokens.bearer("operator", OPERATOR)).accept("application/json");
    }

    /** The listed letter of {@code consumer} whose record carried {@code eventId} or {@code key}; null if none. */
    static List<Map<String, Object>> listed(String consumer, UUID eventId, String key) {
        List<Map<String, Object>> letters = operator().queryParam("consumer", consumer).queryParam("limit", 500)
                .get(LETTERS).then().statusCode(200).extract().jsonPath().getList("deadLetters");
        return letters.stream().filter(l -> eventId != null ? eventId.toString().equals(l.get("eventId"))
                : key.equals(l.get("key"))).toList();
    }

    static long idOf(Map<String, Object> letter) {
        return ((Number) letter.get("id")).longValue();
    }

    static VenueEvents.BookingConfirmed booking(UUID eventId, UUID bookingId, String amount, String currency) {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        return new VenueEvents.BookingConfirmed(eventId, bookingId, UUID.randomUUID(), "Fjord Hall",
                UUID.randomUUID(), "Sky room", start, start.plusSeconds(28_800), start.minusSeconds(3600),
                start.plusSeconds(32_400), 80, new VenueEvents.Price(money(amount), currency));
    }

    @Test
    void aBookingPricedInACurrencyWithoutARateIsDeadLetteredAndAppliedOnceWhenFinanceAddsTheRate() {
        // Nordics runs an event budgeted in EUR; it has no rate from SEK yet.
        String org = "nordics-" + UUID.randomUUID().toString().substring(0, 8);
        String organizer = "nina.organizer@nordics.example";
        Supplier<RequestSpecification> nina = () -> Api.as("organizer", organizer, org);
        Supplier<RequestSpecification> fay = () -> Api.as("finance", "fay.finance@nordics.example", org);
        UUID eventId = Api.scheduledEvent(Instant.now().plus(Duration.ofDays(30)),
                new EventAccess(org, organizer, false, List.of(), List.of()), nina);
        nina.get().body(Map.of("currency", "EUR", "department", "Sales", "costCentre", "CC-7100"))
                .put("/api/events/{e}/budget", eventId).then().statusCode(200);

        // Venue-service confirms a room priced in SEK: the budget cannot convert it, and sets it aside.
        UUID bookingId = UUID.randomUUID();
        UUID announcement = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(announcement, VenueEvents.BOOKING_CONFIRMED, eventId,
                booking(eventId, bookingId, "10000.00", "SEK")));

        // The operator (of another organisation: dead letters belong to none) finds it, with the reason.
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60))
                .until(() -> listed(VENUE_CONSUMER, announcement, null).stream().findFirst().orElse(null),
                        Objects::nonNull);
        assertThat(letter).containsEntry("consumer", VENUE_CONSUMER).containsEntry("channel", "venue-events")
                .containsEntry("topic", Topics.VENUE).containsEntry("state", "PENDING").containsEntry("attempts", 0)
                .containsEntry("eventType", VenueEvents.BOOKING_CONFIRMED.name())
                .containsEntry("key", eventId.toString());
        assertThat((String) letter.get("reason")).contains("no exchange rate from SEK to EUR")
                .contains(bookingId.toString());
        assertThat(letter).doesNotContainKey("value");
        long id = idOf(letter);
        // One letter in the list however long the wait; the copy on the Kafka dead-letter topic is kept as well.
        assertThat(listed(VENUE_CONSUMER, announcement, null)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaBroker.records(VENUE_CONSUMER + ".dead-letter", Duration.ofSeconds(2)))
                .anySatisfy(r -> assertThat(header(r, "ce_id")).isEqualTo(announcement.toString())));
        // The letter itself shows the record as received.
        operator().get(LETTERS + "/{id}", id).then().statusCode(200).body("id", equalTo((int) id))
                .body("value", containsString(bookingId.toString()))
                .body("headers.find { it.name == 'ce_id' }.value", equalTo(announcement.toString()));
        nina.get().get("/api/events/{e}/budget", eventId).then().statusCode(200).body("lines", hasSize(0));

        // Nobody but an operator lists or re-drives letters; an unknown letter is a 404.
        for (String role : List.of("organizer", "finance", "facility", "attendee")) {
            String bearer = Tokens.bearer(role, role + "@example.com");
            given().header("Authorization", bearer).get(LETTERS).then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer).get(LETTERS + "/{id}", id).then().statusCode(403);
            given().header("Authorization", bearer).post(LETTERS + "/{id}/redrive", id).then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer).post(LETTERS + "/{id}/discard", id).then().statusCode(403);
            given().header("Authorization", bearer).post(LETTERS + "/redrive").then().statusCode(403);
        }
        operator().post(LETTERS + "/{id}/redrive", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/not-found"));
        operator().get(LETTERS + "/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");

        // Re-driven before the cause is fixed, it fails again: it stays pending, with the attempt counted.
        operator().header("Idempotency-Key", "redrive-" + id + "-too-early").post(LETTERS + "/{id}/redrive", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/redrive-failed"))
                .body("detail", containsString("no exchange rate from SEK to EUR"));
        operator().get(LETTERS + "/{id}", id).then().statusCode(200).body("state", equalTo("PENDING"))
                .body("attempts", equalTo(1)).body("lastOutcome", startsWith("failed: no exchange rate from SEK"))
                .body("handledBy", equalTo(OPERATOR));

        // Finance adds the rate; the operator re-drives the letter, and the budget shows the booking's cost.
        fay.get().body(Map.of("rate", money("0.087"))).put("/api/exchange-rates/{b}/{q}", "SEK", "EUR").then()
                .statusCode(200);
        String key = "redrive-" + id;
        operator().header("Idempotency-Key", key).post(LETTERS + "/{id}/redrive", id).then().statusCode(200)
                .body("state", equalTo("REDRIVEN")).body("attempts", equalTo(2)).body("lastOutcome", equalTo("applied"))
                .body("handledBy", equalTo(OPERATOR));
        nina.get().get("/api/events/{e}/budget", eventId).then().statusCode(200).body("lines", hasSize(1))
                .body("lines[0].category", equalTo("VENUE"))
                .body("lines[0].externalRef", equalTo("venue-booking:" + bookingId))
                .body("lines[0].currency", equalTo("SEK"))
                .body("lines[0].estimateInLineCurrency", equalTo(money("10000.00")))
                .body("lines[0].estimate", equalTo(money("870.00")))
                .body("totals.estimate", equalTo(money("870.00")));

        // The same request again replays its answer; another re-drive of the settled letter changes nothing.
        operator().header("Idempotency-Key", key).post(LETTERS + "/{id}/redrive", id).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("state", equalTo("REDRIVEN"));
        JsonPath before = operator().get(LETTERS + "/{id}", id).then().extract().jsonPath();
        operator().header("Idempotency-Key", key + "-again").post(LETTERS + "/{id}/redrive", id).then()
                .statusCode(200).body("state", equalTo("REDRIVEN")).body("attempts", equalTo(2))
                .body("lastAttemptAt", equalTo(before.getString("lastAttemptAt")));
        List<Object> estimates = fay.get().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200)
                .extract().path("entries.findAll { it.kind == 'ESTIMATE' }.budgetAmount");
        assertThat(estimates).singleElement().satisfies(a -> assertThat(a.toString()).isEqualTo("870.00"));
        nina.get().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(1))
                .body("totals.estimate", equalTo(money("870.00")));
        // A settled letter cannot be discarded; the lists by state show where it is.
        operator().post(LETTERS + "/{id}/discard", id).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/dead-letter-redriven"));
        operator().queryParam("state", "PENDING").queryParam("limit", 500).get(LETTERS).then().statusCode(200)
                .body("deadLetters.id", not(hasItem((int) id)));
        operator().queryParam("state", "REDRIVEN").queryParam("consumer", VENUE_CONSUMER).get(LETTERS).then()
                .statusCode(200).body("deadLetters.id", hasItem((int) id));
        operator().queryParam("state", "LOST").get(LETTERS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPoisonRecordDeliveredTwiceIsListedOnceAndCanBeDiscarded() {
        // The same unreadable announcement published twice, followed by a good one of the same event.
        UUID eventId = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            KafkaBroker.send(EventRecords.raw(poison, RegistrationEvents.HEADCOUNT_CHANGED.name(), 1,
                    Topics.REGISTRATION, eventId.toString(), "{\"eventId\": \"not json"));
        }
        Api.scheduled(eventId, "Poison check", Instant.now().plus(Duration.ofDays(20)), 40, Api.ownedByOrganizer());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.organizer()
                .get("/api/events/{e}/budget", eventId).then().statusCode(200));
        assertThat(listed(REGISTRATION_CONSUMER, poison, null)).singleElement()
                .satisfies(l -> assertThat((String) l.get("reason")).contains("does not fit its contract"));

        // A record without a readable id handed to the inbox twice, as after a rebalance: one letter.
        String key = "no-id-" + UUID.randomUUID();
        long offset = 1_000_000_000L + (long) (Math.random() * 1_000_000);
        for (int i = 0; i < 2; i++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.REGISTRATION, 0, offset, key, "{}");
            record.headers().add(CloudEventHeaders.SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TYPE,
                    RegistrationEvents.HEADCOUNT_CHANGED.name().getBytes(StandardCharsets.UTF_8));
            inbox.deliver(REGISTRATION_CONSUMER, record, inbox.handlersOf(REGISTRATION_CONSUMER));
        }
        List<Map<String, Object>> unreadable = listed(REGISTRATION_CONSUMER, null, key);
        assertThat(unreadable).singleElement().satisfies(l -> {
            assertThat(l.get("eventId")).isNull();
            assertThat(((Number) l.get("offset")).longValue()).isEqualTo(offset);
            assertThat((String) l.get("reason")).contains("missing header ce_id");
        });
        long unreadableId = idOf(unreadable.get(0));
        long poisonId = idOf(listed(REGISTRATION_CONSUMER, poison, null).get(0));

        // The operator settles the unreadable one without applying it; discarding again changes nothing.
        operator().header("Idempotency-Key", "discard-" + unreadableId).post(LETTERS + "/{id}/discard", unreadableId)
                .then().statusCode(200).body("state", equalTo("DISCARDED")).body("lastOutcome", equalTo("discarded"))
                .body("attempts", equalTo(0));
        operator().post(LETTERS + "/{id}/discard", unreadableId).then().statusCode(200)
                .body("state", equalTo("DISCARDED"));
        operator().post(LETTERS + "/{id}/redrive", unreadableId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/dead-letter-discarded"));

        // Re-driving every pending letter of the consumer: the unreadable payload fails again and stays pending;
        // the discarded letter is left alone.
        JsonPath summary = operator().header("Idempotency-Key", "redrive-all-" + poisonId)
                .queryParam("consumer", REGISTRATION_CONSUMER).post(LETTERS + "/redrive").then().statusCode(200)
                .body("consumer", equalTo(REGISTRATION_CONSUMER)).extract().jsonPath();
        assertThat(summary.getInt("attempted")).isGreaterThanOrEqualTo(1)
                .isEqualTo(summary.getInt("redriven") + summary.getInt("failed"));
        assertThat(summary.getList("failures.id", Long.class)).contains(poisonId).doesNotContain(unreadableId);
        assertThat(summary.getLong("stillPending")).isGreaterThanOrEqualTo(1);
        operator().get(LETTERS + "/{id}", poisonId).then().body("state", equalTo("PENDING"))
                .body("attempts", equalTo(1)).body("reason", containsString("does not fit its contract"));
        operator().get(LETTERS + "/{id}", unreadableId).then().body("state", equalTo("DISCARDED"))
                .body("attempts", equalTo(0)).body("value", equalTo("{}"))
                .body("headers.find { it.name == 'ce_id' }", nullValue());
    }

    @Test
    void theOpenApiDocumentListsTheOperatorsAnswersAsProblems() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String[]> expected = Map.of(
                "'/api/operations/dead-letters'.get", new String[] { "200", "400", "401", "403" },
                "'/api/operations/dead-letters/{id}'.get", new String[] { "200", "401", "403", "404" },
                "'/api/operations/dead-letters/{id}/redrive'.post",
                new String[] { "200", "401", "403", "404", "409", "422", "503" },
                "'/api/operations/dead-letters/redrive'.post", new String[] { "200", "401", "403", "409", "422" },
                "'/api/operations/dead-letters/{id}/discard'.post", new String[] { "200", "403", "404", "409", "422" });
        expected.forEach((operation, statuses) -> {
            assertThat(doc.getMap("paths." + operation + ".responses")).as(operation).containsKeys(statuses);
            for (String status : statuses) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(DocumentedAnswers.content(doc, operation, status))
                            .as(operation + " " + status).containsKey("application/problem+json");
                }
            }
        });
        assertThat(doc.getString("paths.'/api/operations/dead-letters/{id}/redrive'.post.responses.'409'.description"))
                .contains("redrive-failed");
        assertThat(doc.getList("paths.'/api/operations/dead-letters/{id}/redrive'.post.parameters.name"))
                .contains("Idempotency-Key");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
