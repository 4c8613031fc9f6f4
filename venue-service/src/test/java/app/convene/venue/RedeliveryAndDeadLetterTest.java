package app.convene.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/** venue-service's consumer: a redelivered event has no second effect; a poison record is set aside. */
@QuarkusTest
class RedeliveryAndDeadLetterTest {
    private static final String DEAD_LETTER = "venue-service.dead-letter";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(100);
        UUID update = UUID.randomUUID();
        KafkaBroker.send(EventRecords.withId(update, RegistrationEvents.EVENT_UPDATED, eventId,
                Api.updated(eventId, "First word", start, start.plus(Duration.ofHours(2)), 40, "PUBLISHED")));
        // The same event id again: the inbox must skip it, though its body would change title, times and capacity.
        KafkaBroker.send(EventRecords.withId(update, RegistrationEvents.EVENT_UPDATED, eventId,
                Api.updated(eventId, "Second word", start.plus(Duration.ofDays(1)),
                        start.plus(Duration.ofDays(1).plusHours(2)), 99, "PUBLISHED")));
        // A new event after both, on the same partition: once it shows, the redelivery was handled before it.
        Api.headcount(eventId, 1, 7);
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("expectedHeadcount", equalTo(7)));
        Api.readiness(eventId).body("title", equalTo("First word")).body("capacity", equalTo(40))
                .body("startsAt", equalTo(start.toString()));
        assertThat(Api.announced(eventId, VenueEvents.READINESS_CHANGED.name())).hasSize(1);
    }

    @Test
    void aRedeliveredCancellationReleasesTheRoomOnce() {
        UUID roomId = Api.venueWithRoom("Loft", 30, 40, 35);
        Instant start = Api.daysFromNow(110);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(3)));
        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(3)), 0, 0).statusCode(201);
        UUID cancellation = UUID.randomUUID();
        var cancelled = new RegistrationEvents.EventCancelled(eventId, "Loft party", Instant.now());
        KafkaBroker.send(EventRecords.withId(cancellation, RegistrationEvents.EVENT_CANCELLED, eventId, cancelled));
        KafkaBroker.send(EventRecords.withId(cancellation, RegistrationEvents.EVENT_CANCELLED, eventId, cancelled));
        Api.headcount(eventId, 1, 3);
        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("expectedHeadcount", equalTo(3)).body("title", equalTo("Loft party")));
        assertThat(Api.announced(eventId, VenueEvents.BOOKING_CANCELLED.name())).hasSize(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        UUID eventId = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        UUID misfit = UUID.randomUUID();
        UUID backwards = UUID.randomUUID();
        UUID futureVersion = UUID.randomUUID();
        KafkaBroker.send(EventRecords.raw(unreadable, RegistrationEvents.EVENT_UPDATED.name(), 1,
                Topics.REGISTRATION, eventId.toString(), "{\"eventId\": \"not json"));
        KafkaBroker.send(EventRecords.raw(misfit, RegistrationEvents.EVENT_CANCELLED.name(), 1,
                Topics.REGISTRATION, eventId.toString(), "{\"eventId\": \"" + eventId + "\", \"cancelledAt\": "
                        + "\"last Tuesday\"}"));
        Instant start = Api.daysFromNow(120);
        KafkaBroker.send(EventRecords.withId(backwards, RegistrationEvents.EVENT_UPDATED, eventId,
                Api.updated(eventId, "Backwards", start, start.minus(Duration.ofHours(1)), 10, "PUBLISHED")));
        KafkaBroker.send(EventRecords.raw(futureVersion, "registration.event-cancelled.v7", 7,
                Topics.REGISTRATION, eventId.toString(), "{}"));
        Api.scheduled(eventId, start, start.plus(Duration.ofHours(2)));

        await().atMost(PATIENCE).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("title", equalTo("Event " + eventId)).body("cancelledAt", equalTo(null)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KafkaBroker.records(DEAD_LETTER, Duration.ofSeconds(3))
                    .stream().filter(r -> eventId.toString().equals(r.key())).toList();
            assertThat(dead).extracting(r -> header(r, "ce_id")).containsExactlyInAnyOrder(unreadable.toString(),
                    misfit.toString(), backwards.toString(), futureVersion.toString());
            assertThat(dead).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
            assertThat(dead).filteredOn(r -> backwards.toString().equals(header(r, "ce_id"))).singleElement()
                    .satisfies(r -> assertThat(header(r, "dead-letter-reason"))
                            .contains("needs startsAt before endsAt"));
            assertThat(dead).filteredOn(r -> futureVersion.toString().equals(header(r, "ce_id"))).singleElement()
                    .satisfies(r -> assertThat(header(r, "dead-letter-reason")).contains("version 7"));
        });
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
