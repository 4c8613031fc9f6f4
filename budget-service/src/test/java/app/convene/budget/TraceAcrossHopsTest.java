package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on, one trace runs through the budget: registration's announcement is applied in the trace it was
 * sent in and the draft budget it creates is announced in that trace; a client's request that changes the forecast
 * has the forecast announced in the client's trace. Spans are made but sent nowhere.
 */
@QuarkusTest
@TestProfile(TraceAcrossHopsTest.TracingOn.class)
class TraceAcrossHopsTest {
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    @Test
    void registrationsAnnouncementIsAppliedInItsTraceAndTheDraftBudgetIsAnnouncedInIt() {
        UUID eventId = UUID.randomUUID();
        String trace = hex(16);
        Instant start = Instant.now().plus(Duration.ofDays(20));
        ProducerRecord<String, String> scheduled = EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId,
                new RegistrationEvents.EventScheduled(eventId, "Traced summit", start, start.plusSeconds(7200),
                        "Europe/Bucharest", 80, Api.ownedByOrganizer()));
        scheduled.headers().add("ce_traceparent", traceparent(trace).getBytes(StandardCharsets.UTF_8));
        KafkaBroker.send(scheduled);

        ConsumerRecord<String, String> created = announced(eventId, BudgetEvents.CREATED.name());
        assertThat(traceIdOf(header(created, "ce_traceparent"))).isEqualTo(trace);
    }

    @Test
    void aClientsTraceGoesWithTheForecastItsLineChanges() {
        UUID eventId = Api.budgetedEvent();
        String trace = hex(16);
        Api.organizer().header("traceparent", traceparent(trace))
                .body(Api.line("CATERING", "FIXED", "250.00", null))
                .post("/api/events/{e}/budget/lines", eventId).then().statusCode(201);

        ConsumerRecord<String, String> forecast = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> ofEvent(eventId).stream()
                        .filter(r -> header(r, "ce_traceparent") != null
                                && trace.equals(traceIdOf(header(r, "ce_traceparent"))))
                        .toList(), records -> !records.isEmpty()).get(0);
        assertThat(header(forecast, "ce_type")).isEqualTo(BudgetEvents.FORECAST_CHANGED_V2.name());
    }

    private static ConsumerRecord<String, String> announced(UUID eventId, String type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ofEvent(eventId).stream().filter(r -> type.equals(header(r, "ce_type"))).toList(),
                        records -> !records.isEmpty()).get(0);
    }

    private static List<ConsumerRecord<String, String>> ofEvent(UUID eventId) {
        return KafkaBroker.records(Topics.BUDGET, Duration.ofSeconds(3)).stream()
                .filter(r -> eventId.toString().equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
