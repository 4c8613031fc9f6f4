package app.convene.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadinessAssessedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ConsumerRecord<String, String>> assessed(UUID eventId) {
        return Api.announced(eventId, VenueEvents.READINESS_ASSESSED.name());
    }

    private static String status(ConsumerRecord<String, String> record, String check) throws Exception {
        for (JsonNode c : JSON.readTree(record.value()).get("checks")) {
            if (check.equals(c.get("name").asText())) {
                return c.get("status").asText();
            }
        }
        return null;
    }

    private static long sequence(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value()).get("sequence").asLong();
    }

    @Test
    void everyCheckIsAnnouncedOnceEachTimeOneOfThemChangesAndNeverWhenNoneDid() throws Exception {
        UUID roomId = Api.venueWithRoom("Board room", 40, 50, 50);
        Instant start = Api.daysFromNow(30);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(2)));
        List<ConsumerRecord<String, String>> first = await().atMost(Duration.ofSeconds(20))
                .until(() -> assessed(eventId), r -> r.size() == 1);
        assertThat(status(first.get(0), "room booked")).isEqualTo("NOT_MET");
        assertThat(status(first.get(0), "headcount within safe occupancy")).isEqualTo("UNKNOWN");
        assertThat(sequence(first.get(0))).isEqualTo(1);

        Api.book(roomId, eventId, start, start.plus(Duration.ofHours(2)), 15, 15).statusCode(201);
        List<ConsumerRecord<String, String>> booked = await().atMost(Duration.ofSeconds(20))
                .until(() -> assessed(eventId), r -> r.size() == 2);
        assertThat(status(booked.get(1), "room booked")).isEqualTo("MET");
        assertThat(status(booked.get(1), "headcount within safe occupancy")).isEqualTo("MET");
        assertThat(sequence(booked.get(1))).isEqualTo(2);

        // A headcount that changes no check's status is not announced; one past safe occupancy is, once, even
        // when it is delivered twice.
        Api.headcount(eventId, 1, 30);
        UUID tippingId = UUID.randomUUID();
        var tipping = new RegistrationEvents.HeadcountChanged(eventId, 2, 500, 55, 0, 0, 0);
        KafkaBroker.send(EventRecords.withId(tippingId, RegistrationEvents.HEADCOUNT_CHANGED, eventId, tipping));
        KafkaBroker.send(EventRecords.withId(tippingId, RegistrationEvents.HEADCOUNT_CHANGED, eventId, tipping));
        List<ConsumerRecord<String, String>> atRisk = await().atMost(Duration.ofSeconds(20))
                .until(() -> assessed(eventId), r -> r.size() == 3);
        assertThat(status(atRisk.get(2), "headcount within safe occupancy")).isEqualTo("NOT_MET");
        assertThat(sequence(atRisk.get(2))).isEqualTo(3);
        Api.readiness(eventId).statusCode(200);
        Thread.sleep(1500);
        assertThat(assessed(eventId)).hasSize(3);
    }
}
