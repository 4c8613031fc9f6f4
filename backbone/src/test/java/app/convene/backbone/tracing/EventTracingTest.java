package app.convene.backbone.tracing;

import static app.convene.backbone.sample.Records.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.inbox.DeadLetters;
import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.Records;
import app.convene.backbone.sample.SampleEvents;
import app.convene.backbone.sample.SampleEvents.Counted;
import app.convene.backbone.sample.Tallies;
import app.convene.backbone.sample.TallyConsumer;
import app.convene.backbone.sample.TracedSampleService;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * One trace from a request to the events it causes: the request's span is kept with the outbox row, the relay sends
 * the record in a child span named by {@code ce_traceparent}, and a consumer applies a record in a span that is a
 * child of the producer's, so what it announces in turn stays in the trace. Through real Kafka and PostgreSQL.
 */
@QuarkusTest
@TestProfile(TracedSampleService.class)
class EventTracingTest {
    private static final String MEMO_TOPIC = SampleEvents.MEMO_WRITTEN.topic();
    private static final String TALLY_TOPIC = SampleEvents.TALLY_COUNTED.topic();

    @Inject
    InMemorySpanExporter spans;
    @Inject
    DataSource dataSource;

    @Test
    void aRequestsTraceTravelsWithTheEventItAnnouncesThroughTheOutboxToKafka() {
        String memoId = given().header("Authorization", Tokens.bearer("organizer", "tracer@example.com"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"text\":\"Book the caterer\"}").post("/api/memos").then().statusCode(201).extract()
                .path("id");

        // The outbox row keeps the context of the request's span, written in the request's transaction.
        String kept = (String) Database.rows(dataSource, "select traceparent from outbox_event where aggregate_id = ?",
                memoId).get(0).get(0);
        assertThat(kept).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        SpanData request = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(s -> s.getKind() == SpanKind.SERVER && s.getSpanId().equals(spanIdOf(kept))),
                Optional::isPresent).orElseThrow();
        assertThat(request.getTraceId()).isEqualTo(traceIdOf(kept));
        assertThat(request.getName()).isEqualTo("POST /api/memos");

        // The record on Kafka names the relay's producer span, a child of the request's span, in the same trace.
        ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Records.withKey(MEMO_TOPIC, memoId),
                        records -> !records.isEmpty()).get(0);
        String sent = header(published, "ce_traceparent");
        assertThat(traceIdOf(sent)).isEqualTo(request.getTraceId());
        SpanData send = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(s -> s.getSpanId().equals(spanIdOf(sent))), Optional::isPresent).orElseThrow();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo("send " + MEMO_TOPIC);
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(send.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                .isEqualTo(header(published, "ce_id"));
        assertThat(send.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    }

    @Test
    void aConsumerAppliesARecordInTheSendersTraceAndWhatItAnnouncesCarriesThatTraceOn() {
        String counter = "counter-" + UUID.randomUUID();
        String traceId = hex(16);
        String senderSpanId = hex(8);
        ProducerRecord<String, String> record = EventRecords.of(SampleEvents.TALLY_COUNTED, counter,
                new Counted(counter, 2, "announce"));
        record.headers().add("ce_traceparent", ("00-" + traceId + "-" + senderSpanId + "-01")
                .getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_tracestate", "convene=sample".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.send(record);

        SpanData applied = await().atMost(Duration.ofSeconds(60)).until(() -> span(s -> s.getKind() == SpanKind.CONSUMER
                && counter.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))),
                Optional::isPresent).orElseThrow();
        assertThat(applied.getTraceId()).isEqualTo(traceId);
        assertThat(applied.getParentSpanId()).isEqualTo(senderSpanId);
        assertThat(applied.getName()).isEqualTo("process " + TALLY_TOPIC);
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("convene.inbox.outcome"))).isEqualTo("applied");
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")))
                .isEqualTo(TallyConsumer.CONSUMER);

        // The event the effect announced leaves in the same trace, sent in a child of the consumer's span.
        String memoId = Tallies.announcedMemo(counter).toString();
        ConsumerRecord<String, String> announced = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Records.withKey(MEMO_TOPIC, memoId),
                        records -> !records.isEmpty()).get(0);
        String sent = header(announced, "ce_traceparent");
        assertThat(traceIdOf(sent)).isEqualTo(traceId);
        assertThat(header(announced, "ce_tracestate")).isEqualTo("convene=sample");
        SpanData send = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(s -> s.getSpanId().equals(spanIdOf(sent))), Optional::isPresent).orElseThrow();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(applied.getSpanId());
    }

    @Test
    void aDeadLetterKeepsItsTraceHeadersAndItsReDriveIsTracedInTheOperatorsRequestLinkedToIt() {
        String counter = "counter-" + UUID.randomUUID();
        String traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
        ProducerRecord<String, String> record = EventRecords.of(SampleEvents.TALLY_COUNTED, counter,
                new Counted(counter, 1, "poison"));
        record.headers().add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        KafkaBroker.send(record);

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Records.withKey(DeadLetters.topicFor(TallyConsumer.CONSUMER), counter),
                        records -> !records.isEmpty()).get(0);
        assertThat(header(dead, "ce_traceparent")).isEqualTo(traceparent);
        // The operator's copy keeps it too, so a re-drive is linked to the trace the record was sent in.
        assertThat(Database.count(dataSource, """
                select count(*) from dead_letter where record_key = ?
                and record_headers @> cast(? as jsonb)""", counter,
                "[{\"name\":\"ce_traceparent\",\"value\":\"" + traceparent + "\"}]")).isEqualTo(1);
        SpanData applied = await().atMost(Duration.ofSeconds(30)).until(() -> span(s -> s.getKind() == SpanKind.CONSUMER
                && counter.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))),
                Optional::isPresent).orElseThrow();
        assertThat(applied.getTraceId()).isEqualTo(traceIdOf(traceparent));
        assertThat(applied.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("convene.inbox.outcome")))
                .isEqualTo("dead-lettered");

        // The operator re-drives it (it fails again): that attempt is a span of the operator's request, linked to the
        // trace the record was sent in.
        long letter = ((Number) Database.rows(dataSource, "select id from dead_letter where record_key = ?", counter)
                .get(0).get(0)).longValue();
        given().header("Authorization", Tokens.bearer("operator", "olga.operator@example.com"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/operations/dead-letters/{id}/redrive", letter).then().statusCode(409);
        SpanData redrive = await().atMost(Duration.ofSeconds(30)).until(() -> span(s -> s.getKind() == SpanKind.CONSUMER
                && Boolean.TRUE.equals(s.getAttributes().get(AttributeKey.booleanKey("convene.dead_letter.redrive")))
                && counter.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))),
                Optional::isPresent).orElseThrow();
        assertThat(redrive.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
                .containsExactly(traceIdOf(traceparent));
        assertThat(redrive.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        SpanData request = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(s -> s.getSpanId().equals(redrive.getParentSpanId())), Optional::isPresent).orElseThrow();
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getTraceId()).isEqualTo(redrive.getTraceId()).isNotEqualTo(traceIdOf(traceparent));
    }

    @Test
    void aRecordThatNamesNoTraceIsAppliedInATraceOfItsOwn() {
        String counter = "counter-" + UUID.randomUUID();
        KafkaBroker.send(EventRecords.of(SampleEvents.TALLY_COUNTED, counter, Counted.of(counter, 1)));

        SpanData applied = await().atMost(Duration.ofSeconds(60)).until(() -> span(s -> s.getKind() == SpanKind.CONSUMER
                && counter.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))),
                Optional::isPresent).orElseThrow();
        assertThat(applied.getParentSpanContext().isValid()).isFalse();
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("convene.inbox.outcome"))).isEqualTo("applied");
    }

    private Optional<SpanData> span(Predicate<SpanData> which) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(which).findFirst();
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
