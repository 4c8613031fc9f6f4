package app.convene.budget;

import static app.convene.budget.BudgetHeadcountTest.budget;
import static app.convene.budget.BudgetHeadcountTest.headcount;
import static app.convene.budget.BudgetHeadcountTest.scheduled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The consumer side of the backbone: a redelivered event has no second effect; a poison record is set aside. */
@QuarkusTest
class RedeliveryAndDeadLetterTest {
    private static final String DEAD_LETTER = "budget-service.dead-letter";

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID eventId = UUID.randomUUID();
        scheduled(eventId, 50);
        UUID announcement = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(announcement, RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                headcount(eventId, 5, 5, 0)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> budget(eventId).statusCode(200).body("headcount.confirmed", equalTo(5)));

        // The same event id again: the inbox must skip it, even though its body would change the headcount.
        KafkaBroker.send(EventRecords.withId(announcement, RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                headcount(eventId, 6, 42, 0)));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 7, 7, 0)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> budget(eventId).statusCode(200).body("headcount.asOfSequence", equalTo(7)));
        budget(eventId).body("headcount.confirmed", equalTo(7));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        UUID eventId = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID futureVersion = UUID.randomUUID();
        KafkaBroker.send(EventRecords.raw(poison, RegistrationEvents.HEADCOUNT_CHANGED.name(), 1,
                Topics.REGISTRATION, eventId.toString(), "{\"eventId\": \"not json"));
        KafkaBroker.send(EventRecords.raw(futureVersion, "registration.headcount-changed.v9", 9,
                Topics.REGISTRATION, eventId.toString(), "{}"));
        scheduled(eventId, 12);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> budget(eventId).statusCode(200).body("headcount.capacity", equalTo(12)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KafkaBroker.records(DEAD_LETTER, Duration.ofSeconds(3))
                    .stream().filter(r -> eventId.toString().equals(r.key())).toList();
            assertThat(dead).extracting(r -> header(r, "ce_id"))
                    .containsExactlyInAnyOrder(poison.toString(), futureVersion.toString());
            assertThat(dead).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
            assertThat(dead).anySatisfy(r -> assertThat(header(r, "dead-letter-reason")).contains("version 9"));
        });
    }

    @Test
    void aForgedRecordOnARealTopicIsSetAsideAndChangesNothing() {
        UUID eventId = UUID.randomUUID();
        scheduled(eventId, 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(eventId).statusCode(200));
        // Another service claims to announce a registration headcount; then a venue event turns up on the topic.
        UUID wrongSource = UUID.randomUUID();
        UUID wrongFamily = UUID.randomUUID();
        KafkaBroker.send(EventRecords.from("/venue-service", wrongSource, RegistrationEvents.HEADCOUNT_CHANGED.name(),
                1, Topics.REGISTRATION, eventId.toString(),
                "{\"eventId\":\"" + eventId + "\",\"sequence\":5,\"capacity\":40,\"confirmed\":39,"
                        + "\"waitlisted\":0,\"checkedIn\":0,\"noShows\":0}"));
        KafkaBroker.send(EventRecords.from("/registration-service", wrongFamily, "venue.booking-cancelled.v1", 1,
                Topics.REGISTRATION, eventId.toString(), "{}"));
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId, headcount(eventId, 6, 3, 0)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> budget(eventId).statusCode(200).body("headcount.asOfSequence", equalTo(6)));
        budget(eventId).body("headcount.confirmed", equalTo(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> letters = given()
                    .header("Authorization", Tokens.bearer("operator", "oscar.operator@example.com"))
                    .accept("application/json").queryParam("limit", 500).get("/api/operations/dead-letters").then()
                    .statusCode(200).extract().jsonPath().getList("deadLetters");
            assertThat(letters).filteredOn(l -> eventId.toString().equals(l.get("key")))
                    .extracting(l -> l.get("eventId") + " " + l.get("reason"))
                    .containsExactlyInAnyOrder(
                            wrongSource + " source /venue-service is not /registration-service, the only publisher on "
                                    + "registration.events: refused as forged",
                            wrongFamily + " type venue.booking-cancelled.v1 does not belong on registration.events "
                                    + "(family registration): refused as forged");
        });
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
