package app.convene.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox: an event leaves only with the commit of the change it announces. */
@QuarkusTest
class OutboxTest {
    @Inject
    Outbox outbox;

    @Test
    void anEventIsPublishedAfterItsTransactionCommitsAndNotBefore() {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            append(eventId);
            // The relay sweeps every second; the uncommitted row must stay invisible to it.
            assertThat(recordsFor(eventId, Duration.ofMillis(2500))).isEmpty();
        });
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(recordsFor(eventId, Duration.ofSeconds(2))).hasSize(1));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID eventId = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            append(eventId);
            throw new IllegalStateException("business rule failed after the event was appended");
        })).isInstanceOf(IllegalStateException.class);
        UUID witness = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> append(witness));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(recordsFor(witness, Duration.ofSeconds(2))).hasSize(1));
        assertThat(recordsFor(eventId, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anEventCannotBeAppendedOutsideATransaction() {
        assertThatThrownBy(() -> append(UUID.randomUUID())).isInstanceOf(TransactionalException.class);
    }

    private void append(UUID eventId) {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        outbox.append(RegistrationEvents.EVENT_SCHEDULED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.EventScheduled(eventId, "Outbox probe", start, start.plusSeconds(3600),
                        "UTC", 10, null));
    }

    private static List<ConsumerRecord<String, String>> recordsFor(UUID eventId, Duration wait) {
        return KafkaBroker.records(Topics.REGISTRATION, wait).stream()
                .filter(r -> eventId.toString().equals(r.key())).toList();
    }
}
