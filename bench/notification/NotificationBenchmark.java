import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Notification benchmark. For each event: announce its schedule, headcount, budget forecast and venue readiness on
 * Kafka exactly as the other services' relays do (CloudEvents binary headers), then poll the rendered text briefing
 * until it shows the last input (the headcount). Figure: time from sending the last input event to the first rendered
 * briefing holding it. Baseline, same run: rendering an already current briefing (one GET), so the ratio says how
 * much of the latency is the event path rather than rendering. Arguments: base URL, Kafka bootstrap, token, events.
 */
public class NotificationBenchmark {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bootstrap = args[1];
        String token = args[2];
        int events = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<Long> latencies = new ArrayList<>();
        List<Long> renders = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events + 20 && System.nanoTime() < deadline; i++) {
                UUID eventId = UUID.randomUUID();
                Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
                send(producer, "registration", "event-scheduled", eventId, """
                        {"eventId":"%s","title":"Bench %d","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Stockholm","capacity":500,"access":{"organisation":"acme","owner":"bench@example.com","confidential":false,"coOrganizers":[],"delegates":[]}}"""
                        .formatted(eventId, i, start, start.plus(Duration.ofHours(6))));
                send(producer, "budget", "forecast-changed", eventId, """
                        {"eventId":"%s","sequence":1,"previousForecastTotal":0,"forecastTotal":12345.67,"estimateTotal":12000.00,"committedTotal":0,"actualTotal":0,"headcountBasis":100,"forecastCostPerAttendee":123.46,"currency":"EUR"}"""
                        .formatted(eventId));
                send(producer, "venue", "readiness-changed", eventId, """
                        {"eventId":"%s","ready":true,"reason":null}""".formatted(eventId));
                // Wait until the briefing exists, so the measured step is the last input alone.
                String briefingId = null;
                while (briefingId == null) {
                    HttpResponse<String> list = http.send(get(base + "/api/events/" + eventId + "/briefings", token,
                            "application/json"), HttpResponse.BodyHandlers.ofString());
                    if (list.statusCode() == 200 && list.body().contains("\"briefings\":[{")) {
                        int at = list.body().indexOf("\"briefings\":[{\"id\":\"") + 20;
                        briefingId = list.body().substring(at, at + 36);
                    } else {
                        Thread.sleep(2);
                    }
                }
                int confirmed = 100 + i;
                long sent = System.nanoTime();
                send(producer, "registration", "headcount-changed", eventId, """
                        {"eventId":"%s","sequence":1,"capacity":500,"confirmed":%d,"waitlisted":0,"checkedIn":0,"noShows":0}"""
                        .formatted(eventId, confirmed));
                String expected = "Confirmed: " + confirmed;
                HttpRequest render = get(base + "/api/events/" + eventId + "/briefings/" + briefingId, token,
                        "text/plain");
                while (!http.send(render, HttpResponse.BodyHandlers.ofString()).body().contains(expected)) {
                    Thread.sleep(1);
                }
                long latency = System.nanoTime() - sent;
                long renderStart = System.nanoTime();
                http.send(render, HttpResponse.BodyHandlers.ofString());
                long renderTime = System.nanoTime() - renderStart;
                if (i >= 20) { // the first 20 warm up the JIT and the connection pools
                    latencies.add(latency);
                    renders.add(renderTime);
                }
            }
        }
        Collections.sort(latencies);
        Collections.sort(renders);
        System.out.printf("events measured: %d (after 20 warm-up)%n", latencies.size());
        System.out.printf("last input event -> rendered briefing: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 1.0));
        System.out.printf("baseline, rendering a current briefing (one GET): p50 %.1f ms, p95 %.1f ms%n",
                ms(renders, 0.50), ms(renders, 0.95));
        System.out.printf("ratio p50 latency / p50 render: %.1fx%n", ms(latencies, 0.50) / ms(renders, 0.50));
    }

    private static double ms(List<Long> sorted, double q) {
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
        return sorted.get(index) / 1_000_000.0;
    }

    private static HttpRequest get(String url, String token, String accept) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).GET().build();
    }

    private static void send(KafkaProducer<String, String> producer, String family, String fact, UUID eventId,
            String body) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(family + ".events", eventId.toString(), body);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_source", ("/" + family + "-service").getBytes(StandardCharsets.UTF_8))
                .add("ce_type", (family + "." + fact + ".v1").getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", eventId.toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_eventversion", "1".getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
