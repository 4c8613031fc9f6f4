package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import app.convene.backbone.testing.KafkaBroker;
import app.convene.e2e.Stack.Service;
import io.restassured.specification.RequestSpecification;

/**
 * A replay changes nothing. After a story that touches every consumer (registrations, a cancellation and its
 * promotion, a delegate, a budget line, a priced room booking, a cancelled event with its alert, a poison record),
 * budget, venue and notification are stopped, every consumer group of theirs is set back to the earliest offset
 * (the Kafka Admin client, as {@code kafka-consumer-groups.sh --reset-offsets --to-earliest} does), and they are
 * started again: each re-reads every topic it reads from the beginning. Their answers are the same as before, they
 * announce nothing new and no alert is sent a second time: the inbox knows every record it applied. (The poison
 * record, which was set aside rather than applied, is set aside again: a second copy of the same letter.)
 * <p>
 * Runs on the shared stack: its topics hold the other tests' stories as well, which are replayed too.
 */
@ExtendWith(Stack.class)
class ReplayIT {
    private static final Duration CONVERGES = Duration.ofMinutes(2);
    private static final Duration REREAD = Duration.ofMinutes(3);
    private static final String OWNER = Api.ORGANIZER;
    private static final String FACILITY = "frank.facility@example.com";
    private static final String FINANCE = "fiona.finance@example.com";

    /** Each consumer service's groups and the topic each reads. */
    private static final Map<Service, Map<String, String>> GROUPS = Map.of(
            Service.BUDGET, Map.of("budget-service", "registration.events", "budget-service-venue", "venue.events"),
            Service.VENUE, Map.of("venue-service", "registration.events"),
            Service.NOTIFICATION, Map.of("notification-service.registration", "registration.events",
                    "notification-service.attendee-mail", "registration.events",
                    "notification-service.budget", "budget.events", "notification-service.venue", "venue.events"));
    /** What the replayed consumers write to Kafka: a second effect would show here. */
    private static final List<String> WRITTEN = List.of("budget.events", "venue.events", "notification.events",
            "budget-service.dead-letter", "venue-service.dead-letter", "notification-service.dead-letter",
            "notification-service.attendee-mail.dead-letter");

    private static WebhookReceiver organizers;

    @AfterAll
    static void closeReceiver() {
        if (organizers != null) {
            organizers.close();
        }
    }

    @Test
    void everyConsumerReReadingItsWholeTopicsChangesNothing() {
        organizers = new WebhookReceiver();
        List<String> story = story();

        Map<String, String> before = answers(story);
        Map<String, List<String>> writtenBefore = written(story);
        int webhooksBefore = organizers.received.size();
        assertThat(writtenBefore.get("budget-service.dead-letter")).as("the poison record, dead-lettered").hasSize(1);

        List<Service> consumers = List.of(Service.BUDGET, Service.VENUE, Service.NOTIFICATION);
        consumers.forEach(Stack::stopService);
        Map<String, Long> rewound = resetToEarliest();
        assertThat(rewound).as("records each group will read again").allSatisfy(
                (group, records) -> assertThat(records).as(group).isPositive());
        long t0 = System.nanoTime();
        for (Service service : consumers) {
            Stack.startAgain(service, service.module() + "-replay");
        }
        await("every group has read its whole topic again").atMost(REREAD).pollInterval(Duration.ofSeconds(1))
                .until(ReplayIT::everyGroupAtTheEnd);
        long rereadMillis = (System.nanoTime() - t0) / 1_000_000;
        // A few more passes of the dispatchers and relays, in case anything were to be sent again.
        Stack.sleep(3_000);

        assertThat(answers(story)).as("budget, venue and notification after the replay").isEqualTo(before);
        Map<String, List<String>> writtenAfter = written(story);
        for (String topic : WRITTEN) {
            if (topic.endsWith(".dead-letter")) {
                // The poison record is set aside again when it is read again (a dead-lettered record leaves no inbox
                // receipt): its topic may hold a second copy of the same letter (same id, same source offset), and
                // nothing else.
                assertThat(writtenAfter.get(topic)).as(topic).hasSizeBetween(writtenBefore.get(topic).size(),
                        2 * writtenBefore.get(topic).size()).hasSameElementsAs(writtenBefore.get(topic));
            } else {
                assertThat(writtenAfter.get(topic)).as("what %s announced", topic).isEqualTo(writtenBefore.get(topic));
            }
        }
        assertThat(organizers.received).as("webhooks (alerts) received").hasSize(webhooksBefore);
        theOperatorFindsThePoisonRecordOnceAndSettlesIt(story.get(0));
        System.out.printf("%n===== Replay: %d records re-read by %d consumer groups (%s); from restart to every "
                + "group at the end of its topic %d ms; nothing changed; dead-letter copies of the poison record "
                + "before/after: %s =====%n", rewound.values().stream().mapToLong(Long::longValue).sum(),
                rewound.size(), rewound, rereadMillis, WRITTEN.stream().filter(t -> t.endsWith(".dead-letter"))
                        .map(t -> t + " " + writtenBefore.get(t).size() + "/" + writtenAfter.get(t).size()).toList());
    }

    /**
     * The operator's side of the poison record: each consumer service lists it once among its pending dead letters,
     * although the replay read it a second time; a re-drive cannot apply it (its version is unknown) and says so with
     * a 409 problem, leaving it pending with one attempt; discarding settles it.
     */
    private static void theOperatorFindsThePoisonRecordOnceAndSettlesIt(String summit) {
        for (Service service : List.of(Service.BUDGET, Service.VENUE, Service.NOTIFICATION)) {
            List<Map<String, Object>> letters = operator(service).queryParam("state", "PENDING")
                    .get("/api/operations/dead-letters").then().statusCode(200).extract().jsonPath()
                    .getList("deadLetters");
            List<Map<String, Object>> poison = letters.stream().filter(l -> summit.equals(l.get("key"))
                    && "registration.headcount-changed.v9".equals(l.get("eventType"))).toList();
            assertThat(poison).as("%s: the poison record, listed once after the replay", service).hasSize(1);
            Object id = poison.get(0).get("id");
            operator(service).header("Idempotency-Key", "redrive-poison-" + id)
                    .post("/api/operations/dead-letters/{id}/redrive", id).then().statusCode(409)
                    .contentType("application/problem+json").body("type", endsWith("redrive-failed"));
            operator(service).get("/api/operations/dead-letters/{id}", id).then().statusCode(200)
                    .body("state", equalTo("PENDING")).body("attempts", equalTo(1));
            operator(service).header("Idempotency-Key", "discard-poison-" + id)
                    .post("/api/operations/dead-letters/{id}/discard", id).then().statusCode(200)
                    .body("state", equalTo("DISCARDED"));
        }
    }

    private static RequestSpecification operator(Service service) {
        return Api.as(service, "operator", "olga.operator@example.com");
    }

    /** The story; returns its events' ids, once every service has taken in all of it. */
    private static List<String> story() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        Instant endsAt = startsAt.plus(Duration.ofHours(8));
        String summit = Api.scheduleEvent("Replay: partner summit", startsAt, endsAt, 3);
        String dinner = Api.scheduleEvent("Replay: partner dinner", startsAt, endsAt, 2);

        // The organizers' system listens for the dinner's alerts.
        await("notification knows the dinner").atMost(CONVERGES).untilAsserted(
                () -> Api.briefings(dinner).statusCode(200));
        Api.as(Service.NOTIFICATION, "organizer", OWNER).body(Map.of("audience", "ORGANIZERS",
                "name", "Planning board", "channel", "WEBHOOK", "address", organizers.url()))
                .post("/api/events/{e}/recipients", dinner).then().statusCode(201);

        // Five people for three seats; one of the confirmed cancels and the first waiting is promoted.
        List<String> ids = new ArrayList<>();
        for (String name : List.of("ana", "ben", "cai", "dee", "eli")) {
            ids.add(Api.register(summit, name + "@example.com", name).statusCode(201).extract().path("id"));
        }
        Api.cancel(summit, ids.get(1), "ben@example.com").statusCode(200);
        Api.registration(summit, ids.get(3), "dee@example.com").statusCode(200).body("status", equalTo("CONFIRMED"));
        Api.as(Service.REGISTRATION, "organizer", OWNER).put("/api/events/{e}/delegates/{d}", summit,
                "ada.assistant@example.com").then().statusCode(200);

        // A catering line per attendee, and a priced room.
        await("budget knows the summit").atMost(CONVERGES).untilAsserted(() -> Api.budget(summit).statusCode(200));
        Api.as(Service.BUDGET, "organizer", OWNER).body(Map.of("category", "CATERING", "description", "Lunch",
                "kind", "PER_ATTENDEE", "currency", "EUR", "unitAmount", new BigDecimal("42.50"), "glAccount", "6420"))
                .post("/api/events/{e}/budget/lines", summit).then().statusCode(201);
        String venue = Api.as(Service.VENUE, "facility", FACILITY).body(Map.of(
                "name", "Replay hall " + UUID.randomUUID(), "address", Map.of("street", "Kungsgatan 1",
                        "postalCode", "11143", "city", "Stockholm", "country", "SE")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String room = Api.as(Service.VENUE, "facility", FACILITY).body(Map.of("name", "Aula", "seatedCapacity", 80,
                "standingCapacity", 100, "safeOccupancy", 90, "accessibilityFeatures", List.of(),
                "equipment", List.of()))
                .post("/api/venues/{v}/rooms", venue).then().statusCode(201).extract().path("id");
        await("venue knows the summit").atMost(CONVERGES).untilAsserted(() -> Api.readiness(summit).statusCode(200));
        Api.as(Service.VENUE, "organizer", OWNER).body(Map.of("roomId", room, "eventId", summit,
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString(), "setupMinutes", 60, "teardownMinutes", 60,
                "price", Map.of("amount", new BigDecimal("1200.00"), "currency", "EUR")))
                .post("/api/bookings").then().statusCode(201);

        // The dinner: two register, then it is called off.
        Api.register(dinner, "fay@example.com", "fay").statusCode(201);
        Api.register(dinner, "gus@example.com", "gus").statusCode(201);
        Api.as(Service.REGISTRATION, "organizer", OWNER).post("/api/events/{e}/cancel", dinner).then()
                .statusCode(200);

        // A record no consumer can read: a known fact in a version none of them knows.
        poisonRecord(summit);

        await("every service has taken in the story").atMost(CONVERGES).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Api.budget(summit).statusCode(200).body("headcount.confirmed", equalTo(3))
                            .body("headcount.waitlisted", equalTo(1))
                            .body("lines.category", hasItem("VENUE"));
                    Api.readiness(summit).statusCode(200).body("expectedHeadcount", equalTo(3))
                            .body("checks.find { it.name == 'room booked' }.status", equalTo("MET"));
                    Api.briefings(summit).statusCode(200).body("headcount.confirmed", equalTo(3))
                            .body("headcount.waitlisted", equalTo(1)).body("budget", notNullValue());
                    Api.readiness(dinner).statusCode(200).body("cancelledAt", notNullValue());
                    Api.briefings(dinner).statusCode(200).body("eventStatus", equalTo("CANCELLED"));
                    assertThat(organizers.received).as("the dinner's cancellation alert").isNotEmpty();
                    assertThat(written(List.of(summit)).get("notification-service.dead-letter")).hasSize(1);
                    assertThat(written(List.of(summit)).get("venue-service.dead-letter")).hasSize(1);
                    assertThat(written(List.of(summit)).get("budget-service.dead-letter")).hasSize(1);
                });
        return List.of(summit, dinner);
    }

    private static void poisonRecord(String eventId) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ce_specversion", "1.0");
        attributes.put("ce_id", UUID.randomUUID().toString());
        attributes.put("ce_source", "/registration-service");
        attributes.put("ce_type", "registration.headcount-changed.v9");
        attributes.put("ce_time", Instant.now().toString());
        attributes.put("ce_subject", eventId);
        attributes.put("ce_eventversion", "9");
        attributes.put("content-type", "application/json");
        attributes.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        KafkaBroker.send(new ProducerRecord<>("registration.events", null, eventId,
                "{\"eventId\":\"" + eventId + "\",\"headcount\":{\"confirmed\":999}}", headers));
    }

    /** What budget, venue and notification answer about the story's events. */
    private static Map<String, String> answers(List<String> eventIds) {
        Map<String, String> answers = new TreeMap<>();
        for (String eventId : eventIds) {
            answers.put(eventId + " budget", Api.as(Service.BUDGET, "finance", FINANCE)
                    .get("/api/events/{e}/budget", eventId).then().statusCode(200).extract()
                    .asString());
            answers.put(eventId + " ledger", Api.as(Service.BUDGET, "finance", FINANCE)
                    .get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200)
                    .extract().asString());
            answers.put(eventId + " readiness", Api.as(Service.VENUE, "facility", FACILITY)
                    .get("/api/events/{e}/readiness", eventId).then().statusCode(200).extract()
                    .asString());
            answers.put(eventId + " briefings", Api.briefings(eventId).statusCode(200).extract().asString());
        }
        return answers;
    }

    /** Per topic the replayed services write to: the ids of the records about the story's events, in order. */
    private static Map<String, List<String>> written(List<String> eventIds) {
        Map<String, List<String>> written = new TreeMap<>();
        for (String topic : WRITTEN) {
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, String> record : KafkaBroker.records(topic, Duration.ofSeconds(5))) {
                if (eventIds.contains(record.key())) {
                    var id = record.headers().lastHeader("ce_id");
                    var offset = record.headers().lastHeader("dead-letter-offset");
                    ids.add((id == null ? "?" : new String(id.value(), StandardCharsets.UTF_8))
                            + (offset == null ? ""
                                    : " from offset " + new String(offset.value(), StandardCharsets.UTF_8)));
                }
            }
            written.put(topic, ids);
        }
        return written;
    }

    /** Sets every group of the stopped consumers back to the earliest offset; returns the records each will re-read. */
    private static Map<String, Long> resetToEarliest() {
        Map<String, Long> rewound = new TreeMap<>();
        try (Admin admin = admin()) {
            for (Map<String, String> groups : GROUPS.values()) {
                for (var group : groups.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group.getKey());
                    Map<TopicPartition, Long> earliest = offsets(admin, group.getValue(), OffsetSpec.earliest());
                    Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
                    long records = 0;
                    for (var partition : earliest.entrySet()) {
                        reset.put(partition.getKey(), new OffsetAndMetadata(partition.getValue()));
                        OffsetAndMetadata at = committed.get(partition.getKey());
                        records += (at == null ? partition.getValue() : at.offset()) - partition.getValue();
                    }
                    // The stopped service left its group; a group still settling refuses the change for a moment.
                    await("group " + group.getKey() + " set back to the earliest offset").atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                                admin.alterConsumerGroupOffsets(group.getKey(), reset).all().get(10, TimeUnit.SECONDS);
                                return true;
                            });
                    rewound.put(group.getKey(), records);
                }
            }
        }
        return rewound;
    }

    /** True when every group has committed up to the end of every partition of its topic. */
    private static boolean everyGroupAtTheEnd() {
        try (Admin admin = admin()) {
            for (Map<String, String> groups : GROUPS.values()) {
                for (var group : groups.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group.getKey());
                    for (var end : offsets(admin, group.getValue(), OffsetSpec.latest()).entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            committed.put(partition, offset);
                        }
                    });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("offsets of group " + group, e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) {
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : admin.listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS).entrySet()) {
                offsets.put(entry.getKey(), entry.getValue().offset());
            }
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("offsets of " + topic, e);
        }
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        return Admin.create(config);
    }

    /** An organizers' system receiving webhooks: it answers 204 and keeps what arrived. */
    private static final class WebhookReceiver implements AutoCloseable {
        private final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();

        WebhookReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
