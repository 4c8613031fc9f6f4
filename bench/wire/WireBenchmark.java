import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What polled and large answers put on the wire. Each read is asked for REQUESTS times in three ways, one after the
 * other on one connection: as it is (the baseline), with the tag of the answer already held (If-None-Match: 304
 * without a body), and with Accept-Encoding: gzip (the bytes counted as they travel). Printed: bytes and p50 / p95 of
 * each, and the ratios against the baseline. Arguments: base URL, organizer token, requests per way.
 */
public class WireBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int requests = Integer.parseInt(args[2]);

        // A weekly series (Monday, Wednesday, Friday) with three meetings called off, and its private feed link.
        JsonNode series = post(base + "/api/meeting-series", token, """
                {"title":"Operations stand-up","firstDate":"%s","startTime":"09:00","durationMinutes":30,
                 "timeZone":"Europe/Stockholm","recurrence":"FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=300","capacity":20,
                 "language":"en","location":"Room 4"}""".formatted(LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY))));
        String seriesId = series.get("id").asText();
        for (int i : new int[] { 5, 20, 40 }) {
            post(base + "/api/meeting-series/" + seriesId + "/occurrences/"
                    + series.get("occurrences").get(i).get("date").asText() + "/cancel", token, null);
        }
        String feed = base + post(base + "/api/meeting-series/" + seriesId + "/calendar-feeds", token, null)
                .get("url").asText();

        // 100 days from a year ahead, each with two meetings that overlap by an hour; ten people confirmed for both.
        Instant first = LocalDate.now().plusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant();
        String anEvent = null;
        for (int day = 0; day < 100; day++) {
            Instant nine = first.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
            for (Instant start : List.of(nine, nine.plus(Duration.ofHours(1)))) {
                String event = post(base + "/api/events", token, """
                        {"title":"Review %d","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Stockholm",
                         "capacity":20}""".formatted(day, start, start.plus(Duration.ofHours(2)))).get("id").asText();
                anEvent = anEvent == null ? event : anEvent;
                for (int person = 0; person < 10; person++) {
                    post(base + "/api/events/" + event + "/registrations", token, """
                            {"attendee":{"email":"lead%d@example.com","name":"Lead %d"}}""".formatted(person, person));
                }
            }
        }
        String range = "?from=" + first + "&to=" + first.plus(Duration.ofDays(100));

        System.out.printf("%d requests each way after %d to warm up, one connection, loopback%n", requests, WARM_UP);
        System.out.printf("%-40s %12s %16s %9s %16s %12s %16s %9s %9s%n", "read", "full bytes", "full p50/p95 ms",
                "304 bytes", "304 p50/p95 ms", "gzip bytes", "gzip p50/p95 ms", "304/full", "gzip/full");
        measure("series feed by its private link", feed, null, requests);
        measure("event", base + "/api/events/" + anEvent, token, requests);
        measure("schedule of 100 days, iCalendar", base + "/api/schedule/calendar.ics" + range, token, requests);
        measure("schedule of 100 days, JSON (not tagged)", base + "/api/schedule" + range, token, requests);
    }

    private static void measure(String name, String url, String token, int requests) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(url, token, null, null);
        }
        HttpResponse<byte[]> sample = get(url, token, null, null);
        String tag = sample.headers().firstValue("ETag").orElse(null);
        Way full = way(url, token, null, null, requests, 200);
        Way unchanged = tag == null ? null : way(url, token, tag, null, requests, 304);
        Way gzipped = way(url, token, null, "gzip", requests, 200);
        System.out.printf("%-40s %12d %16s %9s %16s %12d %16s %9s %9.3f%n", name, full.bytes, full.times(),
                unchanged == null ? "-" : unchanged.bytes, unchanged == null ? "-" : unchanged.times(), gzipped.bytes,
                gzipped.times(), unchanged == null ? "-" : "%.2f".formatted(unchanged.p50 / full.p50),
                (double) gzipped.bytes / full.bytes);
    }

    private record Way(long bytes, double p50, double p95) {
        String times() {
            return "%.1f / %.1f".formatted(p50, p95);
        }
    }

    private static Way way(String url, String token, String tag, String encoding, int requests, int status)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = -1;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> answer = get(url, token, tag, encoding);
            millis.add((System.nanoTime() - started) / 1e6);
            if (answer.statusCode() != status) {
                throw new IllegalStateException(url + ": " + answer.statusCode() + " instead of " + status);
            }
            if (encoding != null && !encoding.equals(answer.headers().firstValue("Content-Encoding").orElse(""))) {
                throw new IllegalStateException(url + ": not answered in " + encoding);
            }
            bytes = answer.body().length;
        }
        millis.sort(null);
        return new Way(bytes, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)));
    }

    private static HttpResponse<byte[]> get(String url, String token, String tag, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (tag != null) {
            request.header("If-None-Match", tag);
        }
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode post(String url, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }
}
